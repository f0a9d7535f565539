"""Roles and review: who may change what (direct URLs included), and every change goes through a
reviewer before it is live, for pages and service records alike."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Revision, WorkflowState

from editorial.roles import ROLES
from knowledge.models import SectionPage
from services.models import Service
from tests.admin_helpers import edit_form, phone_field, refused, workflow_action

SERVICES = "/admin/snippets/services/service"


CAW_RECORDS = {"caw-victim-support-brussels", "caw-brussels-reception"}
EDITABLE = {
    # role: services (by slug, English record) it may change
    "CPVCF editors": {"cpvcf"},
    "CAW editors": CAW_RECORDS,
    "Reviewers": {"cpvcf", "emergency-112", *CAW_RECORDS},
    "French translators": set(),
    "Dutch translators": set(),
}


@pytest.mark.parametrize("role", [r.name for r in ROLES])
@pytest.mark.parametrize(
    "slug", ["cpvcf", "caw-victim-support-brussels", "caw-brussels-reception", "emergency-112"]
)
def test_who_may_open_a_service_record_for_editing(people, as_user, service, role, slug):
    client = as_user(people[role])
    record = service(slug)
    response = client.get(f"{SERVICES}/edit/{record.pk}/")
    assert response.status_code == 200 if slug in EDITABLE[role] else refused(response)
    assert client.get(f"{SERVICES}/").status_code == 200  # every role reads the library


@pytest.mark.parametrize(
    "role, language", [("French translators", "fr"), ("Dutch translators", "nl")]
)
def test_translators_edit_records_and_pages_of_their_language_only(
    people, as_user, service, section, role, language
):
    client = as_user(people[role])
    for code in ("en", "fr", "nl"):
        record = service("cpvcf").get_translation(Locale.objects.get(language_code=code))
        response = client.get(f"{SERVICES}/edit/{record.pk}/")
        assert response.status_code == 200 if code == language else refused(response)
        page = section("A.2").get_translation(Locale.objects.get(language_code=code))
        assert page.permissions_for_user(people[role]).can_edit() == (code == language)
        assert not page.permissions_for_user(people[role]).can_publish()


def test_an_editor_cannot_change_another_organisations_record_by_posting(people, as_user, service):
    caw = service("caw-victim-support-brussels")
    client = as_user(people["Reviewers"])
    data = edit_form(client, f"{SERVICES}/edit/{caw.pk}/")
    client = as_user(people["CPVCF editors"])
    data[phone_field(data, caw.channels.first().value)] = "02 000 00 00"
    assert refused(client.post(f"{SERVICES}/edit/{caw.pk}/", data))
    caw.refresh_from_db()
    assert "02 000 00 00" not in [c.value for c in caw.channels.all()]
    for action in ("delete", "unpublish", "lock", "unlock"):
        assert refused(client.post(f"{SERVICES}/{action}/{caw.pk}/"))


@pytest.mark.parametrize("role", [r.name for r in ROLES])
def test_only_reviewers_publish(people, section, service, role):
    user = people[role]
    reviewer = role == "Reviewers"
    assert section("A.2").permissions_for_user(user).can_publish() == reviewer
    assert user.has_perm("services.publish_service") == reviewer
    assert user.has_perm("search.change_bestbet") == reviewer
    assert user.has_perm("search.change_dangersignal") == reviewer
    editor = role.endswith("editors")
    assert section("A.2").permissions_for_user(user).can_edit() == (editor or reviewer)


@pytest.mark.parametrize("role", [r.name for r in ROLES])
def test_only_reviewers_keep_search_settings_in_the_admin(people, as_user, role):
    """Danger signals as synonym sets and best bets: the reviewers' to add, change and delete."""
    client = as_user(people[role])
    for model in ("synonymset", "bestbet", "dangersignal"):
        for url in (f"/admin/snippets/search/{model}/", f"/admin/snippets/search/{model}/add/"):
            response = client.get(url)
            assert response.status_code == 200 if role == "Reviewers" else refused(response), url


def test_the_feed_cannot_be_written_to_by_anyone(people, as_user, service):
    record = service("cpvcf")
    for client in (as_user(people["Reviewers"]), as_user(people["CPVCF editors"])):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(f"/api/v1/services/{record.pk}/")
            assert response.status_code == 405
    assert not record.channels.filter(value="").exists()


def submit_phone_change(client, record, old: str, new: str):
    data = edit_form(client, f"{SERVICES}/edit/{record.pk}/")
    data[phone_field(data, old)] = new
    data["action-submit"] = "Submit"
    response = client.post(f"{SERVICES}/edit/{record.pk}/", data)
    assert response.status_code == 302, response.content[:3000]


def live_phones(record) -> list[str]:
    return [c.value for c in Service.objects.get(pk=record.pk).channels.all()]


def test_a_service_change_goes_live_only_after_a_reviewer_approves(
    people, as_user, service, client
):
    record = service("cpvcf")
    old = record.channels.first().value
    submit_phone_change(as_user(people["CPVCF editors"]), record, old, "02 539 27 45")
    assert live_phones(record)[0] == old  # submitted, not live
    assert WorkflowState.objects.for_instance(record).get().status == "in_progress"
    # The reviewer sees what changed, old and new side by side.
    latest = Service.objects.get(pk=record.pk).latest_revision
    compare = reverse(
        "wagtailsnippets_services_service:revisions_compare",
        args=[record.pk, record.live_revision_id, latest.pk],
    )
    diff = BeautifulSoup(as_user(people["Reviewers"]).get(compare).content, "html.parser")
    removed = [e.get_text() for e in diff.select(".deletion")]
    added = [e.get_text() for e in diff.select(".addition")]
    assert "44" in removed and "45" in added, (removed, added)
    # An editor cannot approve their own change.
    assert refused(workflow_action(as_user(people["CPVCF editors"]), record, "approve"))
    assert workflow_action(as_user(people["Reviewers"]), record, "approve").status_code in (
        200,
        302,
    )
    assert live_phones(record)[0] == "02 539 27 45"
    feed = client.get(f"/api/v1/services/{record.pk}/").json()["data"]
    assert feed["channels"][0]["value"] == "02 539 27 45"


def test_a_rejected_change_is_resubmitted_after_edits_and_then_approved(people, as_user, service):
    record = service("caw-victim-support-brussels")
    old = record.channels.first().value
    editor, reviewer = as_user(people["CAW editors"]), None
    submit_phone_change(editor, record, old, "02 486 45 16")
    reviewer = as_user(people["Reviewers"])
    workflow_action(reviewer, record, "reject", "Wrong number: check the leaflet.")
    state = WorkflowState.objects.for_instance(record).order_by("-pk").first()
    assert state.status == "needs_changes"
    assert live_phones(record)[0] == old
    editor = as_user(people["CAW editors"])
    submit_phone_change(editor, record, "02 486 45 16", "02 486 45 17")
    reviewer = as_user(people["Reviewers"])
    workflow_action(reviewer, record, "approve")
    assert live_phones(record)[0] == "02 486 45 17"


def test_a_scheduled_change_goes_live_at_its_time(section, client):
    """An approved change with a go-live time waits for `publish_scheduled` (run every minute
    by the docker-compose scheduler) after that time."""
    page = section("A.1")
    original = page.title
    page.title = "Definition (revised)"
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    call_command("publish_scheduled")
    assert SectionPage.objects.get(pk=page.pk).title == original
    # An hour later, as far as the schedule is concerned:
    past = timezone.now() - timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    assert SectionPage.objects.get(pk=page.pk).title == "Definition (revised)"
    assert "Definition (revised)" in client.get(page.url).content.decode()


@pytest.mark.parametrize("role", [r.name for r in ROLES])
@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_who_may_open_a_page_for_editing_or_unpublish_it(people, as_user, section, role, language):
    client = as_user(people[role])
    page = section("A.2").get_translation(Locale.objects.get(language_code=language))
    may_edit = (
        role.endswith("editors")
        or role == "Reviewers"
        or role.startswith({"fr": "French", "nl": "Dutch"}.get(language, "-"))
    )
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200 if may_edit else refused(response)
    unpublish = client.get(f"/admin/pages/{page.pk}/unpublish/")
    assert unpublish.status_code == 200 if role == "Reviewers" else refused(unpublish)
