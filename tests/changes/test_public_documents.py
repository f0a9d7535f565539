"""Every change to what partners see is announced, whatever the edit, and nothing else is:
the public documents are rebuilt and compared after each write (changes/reconcile.py)."""

from django.core.management import call_command
from wagtail.models import Locale

from changes.models import ChangeEvent
from changes.reconcile import ensure_current
from services.models import Organisation
from tests.partner import latest_cursor

API = "/api/v1"


def cursor(client) -> int:
    return latest_cursor(client.get)


def announced(client, since: int) -> set[tuple[str, str, str]]:
    """(action, type, identifier) of the changes after `since`, in English."""
    results = client.get(f"{API}/changes/", {"since": since, "limit": 1000}).json()["results"]
    return {(c["action"], c["type"], c["identifier"]) for c in results if c["locale"] == "en"}


def section_data(client, page) -> dict:
    return client.get(f"{API}/sections/{page.pk}/").json()["data"]


def test_renaming_an_organisation_announces_its_services_and_the_sections_showing_them(
    client, section
):
    start = cursor(client)
    cpvcf = Organisation.objects.get(slug="cpvcf", locale__language_code="en")
    cpvcf.name = "Centre de Prévention des Violences Conjugales et Familiales (renamed)"
    cpvcf.save()
    changes = announced(client, start)
    assert ("updated", "service", "cpvcf") in changes
    assert ("updated", "section", "B.2.1") in changes  # it embeds the CPVCF record
    body = str(section_data(client, section("B.2.1"))["body"])
    assert "(renamed)" in body


def test_reordering_sections_announces_the_parent_whose_children_moved(client, section):
    first, second = section("A.5.1"), section("A.5.2")
    listed = client.get(f"{API}/sections/", {"parent": "A.5"})
    start = cursor(client)
    second.move(first, pos="left")
    assert ("updated", "section", "A.5") in announced(client, start)
    children = [c["number"] for c in section_data(client, section("A.5"))["children"]]
    assert children[:2] == ["A.5.2", "A.5.1"]
    relisted = client.get(f"{API}/sections/", {"parent": "A.5"})
    assert [s["number"] for s in relisted.json()["results"]][:2] == ["A.5.2", "A.5.1"]
    assert relisted["ETag"] != listed["ETag"]


def test_unpublishing_a_parent_takes_the_sections_below_it_along(client, section):
    """Wagtail leaves the children live, but a page is public only if its ancestors are too
    (knowledge/visibility.py): they are announced as removed, and their siblings' parent
    updated."""
    start = cursor(client)
    section("A.5").unpublish()
    changes = announced(client, start)
    assert ("unpublished", "section", "A.5") in changes
    assert ("unpublished", "section", "A.5.3") in changes
    assert ("updated", "section", "A") in changes
    assert client.get(f"{API}/sections/{section('A.5.3').pk}/").status_code == 410
    assert client.get(section("A.5.3").url).status_code == 404


def test_a_draft_or_a_lock_announces_nothing(client, section):
    page = section("A.1")
    start = cursor(client)
    page.summary = "A draft nobody approved."
    page.save_revision()
    page.locked = True
    page.save(update_fields=["locked"])
    assert announced(client, start) == set()
    assert "A draft nobody approved." not in str(section_data(client, page))


def test_an_english_edit_announces_the_translations_whose_status_changed(client, section):
    page = section("A.1")
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    start = cursor(client)
    page.summary = "A new English summary the translators have not seen."
    page.save_revision().publish()
    results = client.get(f"{API}/changes/", {"since": start}).json()["results"]
    assert {"action": "updated", "id": french.pk} in [
        {"action": c["action"], "id": c["id"]} for c in results
    ]
    status = {t["locale"]: t["status"] for t in section_data(client, french)["translations"]}
    assert status["en"] == "source"


def test_equal_bodies_have_equal_etags_and_a_change_a_new_one(client, section):
    url = f"{API}/sections/{section('A.3').pk}/"
    first, again = client.get(url), client.get(url)
    assert first["ETag"] == again["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    page = section("A.3")
    page.title = "Retitled section"
    page.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    # the list that shows it changed too
    assert "Retitled section" in client.get(f"{API}/sections/", {"page_size": 100}).content.decode()


def test_the_fact_sheet_endpoint_gives_the_preface_and_contents(client, section):
    sheets = client.get(f"{API}/fact-sheets/").json()["results"]
    assert [s["slug"] for s in sheets] == ["violence-between-ex-partners"]
    sheet = client.get(sheets[0]["api_url"]).json()["data"]
    assert sheet["preface"][0]["type"] == "callout"
    assert "committed by men" in str(sheet["preface"][0]["value"])
    numbers = [entry["number"] for entry in sheet["contents"]]
    assert numbers[:3] == ["A", "A.1", "A.2"] and len(numbers) == 31
    assert {e["level"] for e in sheet["contents"] if e["number"] == "A.5.3"} == {3}
    start = cursor(client)
    page = section("A.2")
    page.title = "A retitled section"
    page.save_revision().publish()
    assert ("updated", "fact_sheet", "violence-between-ex-partners") in announced(client, start)


def test_a_forced_rebuild_of_current_documents_announces_nothing(db, capsys):
    ensure_current()
    before = ChangeEvent.objects.count()
    call_command("rebuild_feed_documents")
    assert ChangeEvent.objects.count() == before
    assert "0 changes announced" in capsys.readouterr().out


def test_an_organisation_draft_stays_out_until_published(client, db):
    """Organisations have revisions: an edit waits for review, then reaches every card."""
    caw = Organisation.objects.get(slug="caw-brussel", locale__language_code="en")
    caw.name = "CAW Brussel (draft name)"
    revision = caw.save_revision()
    start = cursor(client)
    assert announced(client, start) == set()
    assert "(draft name)" not in client.get(f"{API}/services/").content.decode()
    revision.publish()
    changes = announced(client, start)
    assert ("updated", "service", "caw-brussels-reception") in changes
    assert "(draft name)" in client.get(f"{API}/services/").content.decode()
