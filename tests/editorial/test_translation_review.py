"""Translations go through review: a translator saves segments in wagtail-localize's editor and
submits; nothing changes on the site until a reviewer approves; the actions that would replace a
translation with its source are refused to translators and editors, and confirmed by reviewers."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringSegment

from editorial.translations.review import synced_translation
from services.models import Service
from tests.admin_helpers import refused
from tests.conftest import page_text

TYPED = "Een zin die de vertaler net heeft verbeterd."


def public_text(page) -> str:
    """What a visitor (no session) reads on the page."""
    return page_text(Client().get(Page.objects.get(pk=page.pk).specific.url))


def dutch(instance):
    return instance.get_translation(Locale.objects.get(language_code="nl"))


def type_first_segment(client, translation, text=TYPED) -> StringSegment:
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment.pk},
    )
    body = encode_multipart(BOUNDARY, {"value": text})
    assert client.put(url, body, content_type=MULTIPART_CONTENT).status_code in (200, 201)
    return segment


def review_state(instance) -> WorkflowState | None:
    return WorkflowState.objects.for_instance(instance).filter(status="in_progress").first()


def approve(client, instance, edit_url_name: str):
    state = review_state(instance)
    namespace = edit_url_name.rsplit(":", 1)[0]
    url = reverse(
        f"{namespace}:workflow_action", args=[instance.pk, "approve", state.current_task_state.pk]
    )
    return client.post(url, {"comment": ""})


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

    assert refused(approve(as_user(people["Dutch translators"]), page, "wagtailadmin_pages:edit"))
    response = approve(as_user(people["Reviewers"]), page, "wagtailadmin_pages:edit")
    assert response.status_code in (200, 302)
    assert TYPED in public_text(page)
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
    assert client.get(f"/api/v1/services/{record.pk}/").status_code == 200
    reviewer = as_user(people["Reviewers"])
    response = approve(reviewer, record, "wagtailsnippets_services_service:edit")
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
