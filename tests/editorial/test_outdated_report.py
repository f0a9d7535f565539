"""The out-of-date translations report says where the English changed, in the editors' words,
and which words changed, however long the text."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import TranslationSource


@pytest.fixture
def reviewer(people, as_user):
    as_user(people["Reviewers"])
    return people["Reviewers"]


def report_rows(client, locale="fr") -> list:
    response = client.get(reverse("outdated_translations"), {"locale": locale})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select("tr.outdated-translation")


def changes_in(row) -> dict:
    """{label: the change as shown} for each segment listed in a row."""
    return {
        item.select_one(".segment-change__label").get_text(): item
        for item in row.select(".segment-change")
    }


def test_a_word_changed_in_a_long_paragraph_is_shown_with_its_label(client, reviewer, section):
    page = section("A.5.2")
    body = list(page.body.raw_data)
    paragraph = next(block for block in body if "alternates between" in block["value"])
    old_text = paragraph["value"]
    paragraph["value"] = old_text.replace("violence and reconciliation", "violence and remorse")
    page.body = body
    page.save_revision(user=reviewer).publish()

    [row] = report_rows(client)
    assert page.title in row.get_text()
    changes = changes_in(row)
    assert list(changes) == ["Body › Paragraph"]
    change = changes["Body › Paragraph"]
    assert [d.get_text() for d in change.select("del")] == ["reconciliation,"]
    assert [i.get_text() for i in change.select("ins")] == ["remorse,"]
    shown = change.get_text()
    assert "between periods of violence and" in shown and "…" in shown
    assert "The victim does not identify" not in shown  # 60 words before: cut
    assert paragraph["id"] not in str(row) and "body." not in str(row)

    # Synced, the source holds the new English; the translation was made from the old one.
    TranslationSource.update_or_create_from_instance(page)
    [row] = report_rows(client)
    assert [d.get_text() for d in row.select("del")] == ["reconciliation,"]

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    panel = BeautifulSoup(edit.content, "html.parser").select_one(".translation-status")
    assert "Body › Paragraph" in panel.get_text() and panel.select_one("ins").text == "remorse,"


def test_a_removed_block_is_listed_once_by_its_label(client, reviewer, section):
    page = section("A.4.1")
    page.body = [block for block in page.body.raw_data if block["type"] != "warning_signs"]
    page.save_revision(user=reviewer).publish()

    [row] = report_rows(client, "nl")
    changes = changes_in(row)
    assert list(changes) == ["Body › Warning signs"]
    assert "removed from the English" in changes["Body › Warning signs"].get_text()


def test_a_formatting_change_says_so(client, reviewer, section):
    page = section("A.4.1")
    body = list(page.body.raw_data)
    paragraph = next(block for block in body if block["type"] == "paragraph")
    paragraph["value"] = paragraph["value"].replace("hypervigilance", "<b>hypervigilance</b>", 1)
    page.body = body
    page.save_revision(user=reviewer).publish()

    [row] = report_rows(client)
    [change] = row.select(".segment-change")
    assert change["data-kind"] == "formatting"
    assert "formatting changed" in change.get_text() and not change.select("del, ins")


def test_service_fields_and_channels_changed_new_and_escaped(client, reviewer, service):
    cpvcf = service("cpvcf")
    cpvcf.description = cpvcf.description.replace("Brussels-based", "Bruxelles-based")
    cpvcf.hours_note = "Closed on 24 & 31 December"
    channels = list(cpvcf.channels.all())
    channels[0].label = "Phone line"
    cpvcf.channels = channels
    cpvcf.save_revision(user=reviewer).publish()

    [row] = report_rows(client)
    assert cpvcf.name in row.get_text()
    changes = changes_in(row)
    assert set(changes) == {"Description", "Hours note", "Contact channel 1 › Label"}
    description = changes["Description"]
    assert [d.text for d in description.select("del")] == ["Brussels-based"]
    assert [i.text for i in description.select("ins")] == ["Bruxelles-based"]
    channel = changes["Contact channel 1 › Label"]
    assert (channel.select_one("del").text, channel.select_one("ins").text) == (
        "Telephone",
        "Phone line",
    )
    note = changes["Hours note"]
    assert note["data-kind"] == "new" and "new" in note.select_one("em").text
    assert "Closed on 24 & 31 December" in note.get_text()
    assert "channels." not in str(row) and "hours_note" not in str(row)
