"""Translations go through review: a translator saves segments in wagtail-localize's editor and
submits; nothing changes on the site until a reviewer approves; the actions that would replace a
translation with its source are refused to translators and editors, and confirmed by reviewers."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment

from editorial.translations.review import synced_translation
from services.models import Service
from tests.admin_helpers import refused, save_segment, workflow_action
from tests.conftest import page_text

TYPED = "Een zin die de vertaler net heeft verbeterd."


def public_text(page) -> str:
    """What a visitor (no session) reads on the page."""
    return page_text(Client().get(Page.objects.get(pk=page.pk).specific.url))


def dutch(instance):
    return instance.get_translation(Locale.objects.get(language_code="nl"))


def type_first_segment(client, translation, text=TYPED) -> StringSegment:
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    assert save_segment(client, translation, segment, text).status_code in (200, 201)
    return segment


def review_state(instance) -> WorkflowState | None:
    return WorkflowState.objects.for_instance(instance).filter(status="in_progress").first()


@pytest.mark.django_db
def test_a_dutch_translation_is_live_only_after_a_reviewer_approves(people, as_user, section):
    english = section("A.2")
    page = dutch(english)
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    before = {p.pk: public_text(p) for p in (english, page, french)}
    translation = synced_translation(page)
    client = as_user(people["Dutch translators"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    editor = client.get(edit_url)
    assert editor.status_code == 200
    submit = BeautifulSoup(editor.content, "html.parser").select_one("#translation-review")
    assert submit["data-may-publish"] == "false" and "Submit for review" in submit.decode()

    type_first_segment(client, translation)
    response = client.post(edit_url, {"action": "submit-for-review"}, follow=True)
    assert "has been submitted for review" in response.content.decode()
    assert review_state(page) is not None
    # Submitted is not published: the site still shows what it showed, in every language.
    assert {p.pk: public_text(p) for p in (english, page, french)} == before
    assert TYPED not in public_text(page)

    assert TYPED not in Client().get(f"/api/v1/sections/{page.pk}/").content.decode()

    assert refused(workflow_action(as_user(people["Dutch translators"]), page, "approve"))
    response = workflow_action(as_user(people["Reviewers"]), page, "approve")
    assert response.status_code in (200, 302)
    assert TYPED in public_text(page)
    assert TYPED in Client().get(f"/api/v1/sections/{page.pk}/").content.decode()
    assert public_text(english) == before[english.pk] and public_text(french) == before[french.pk]


@pytest.mark.django_db
def test_a_dutch_record_stays_live_while_its_translation_is_in_review(
    people, as_user, service, client
):
    record = dutch(service("cpvcf"))
    translation = synced_translation(record)
    translator = as_user(people["Dutch translators"])
    edit_url = reverse("wagtailsnippets_services_service:edit", args=[record.pk])
    segment = type_first_segment(translator, translation, "Hulpverlening voor iedereen.")
    field = segment.context.path.split(".")[0]
    before = getattr(Service.objects.get(pk=record.pk), field)

    translator.post(edit_url, {"action": "submit-for-review"})

    live = Service.objects.get(pk=record.pk)
    assert live.live and getattr(live, field) == before  # wagtail-localize's draft unpublished it
    feed = client.get(f"/api/v1/services/{record.pk}/")
    assert feed.status_code == 200 and "Hulpverlening voor iedereen." not in feed.content.decode()
    response = workflow_action(as_user(people["Reviewers"]), record, "approve")
    assert response.status_code in (200, 302)
    assert getattr(Service.objects.get(pk=record.pk), field) == "Hulpverlening voor iedereen."


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Dutch translators", "CPVCF editors"])
def test_who_cannot_publish_cannot_replace_a_translation_with_its_source(
    people, as_user, section, role
):
    page = dutch(section("A.2"))
    translation = synced_translation(page)
    client = as_user(people[role])
    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    convert = reverse("wagtail_localize:convert_to_alias", args=[page.pk])

    assert refused(client.post(stop, {"confirmed": "yes"}))
    assert refused(client.post(convert))
    assert refused(client.get(convert))
    translation.refresh_from_db()
    assert translation.enabled and Page.objects.get(pk=page.pk).alias_of_id is None


@pytest.mark.django_db
def test_a_reviewer_confirms_before_a_synced_translation_stops(people, as_user, section):
    page = dutch(section("A.2"))
    translation = synced_translation(page)
    client = as_user(people["Reviewers"])
    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    review = BeautifulSoup(editor.content, "html.parser").select_one("#translation-review")
    assert review["data-may-publish"] == "true"

    asked = client.post(stop)  # the editor's button posts at once
    assert asked.status_code == 200 and "Yes, stop the synced translation" in asked.text
    translation.refresh_from_db()
    assert translation.enabled

    client.post(stop, {"confirmed": "yes", "next": "/admin/"})
    translation.refresh_from_db()
    assert not translation.enabled


@pytest.mark.django_db
def test_a_reviewers_dashboard_starts_with_what_awaits_review(people, as_user, section):
    translator = as_user(people["Dutch translators"])
    page = dutch(section("A.2"))
    translator.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "submit-for-review"}
    )
    dashboard = BeautifulSoup(as_user(people["Reviewers"]).get("/admin/").content, "html.parser")
    panels = [panel.get("id") for panel in dashboard.select("main section.w-panel")]
    assert panels[0] == "awaiting-review-section", panels
    row = dashboard.select_one("#awaiting-review-section tbody tr")
    assert page.title in row.get_text() and "Dutch" in row.get_text()


@pytest.mark.django_db
def test_the_page_editor_offers_the_conversion_to_an_alias_to_reviewers_only(
    people, as_user, section
):
    """Once its synced translation has stopped, a Dutch page opens in Wagtail's own editor,
    whose menu wagtail-localize gives "Convert to alias page"."""
    page = dutch(section("A.2"))
    translation = synced_translation(page)
    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    as_user(people["Reviewers"]).post(stop, {"confirmed": "yes"})
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    for role, offered in (("Reviewers", True), ("Dutch translators", False)):
        editor = as_user(people[role]).get(edit_url)
        assert editor.status_code == 200
        assert ("Convert to alias page" in editor.content.decode()) == offered, role
