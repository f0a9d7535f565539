"""Mistakes are caught before they go live: phone numbers, e-mail and web addresses, opening
hours, and sections that would show a service the public cannot see."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from wagtail import hooks

from services.models import ContactChannel, Service
from tests.admin_helpers import edit_form, phone_field

SERVICES = "/admin/snippets/services/service"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x" * 14)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "kind, value",
    [
        ("phone", "02 539 27 44"),
        ("phone", "+32 2 539 27 44"),
        ("phone", "0800 30 030"),
        ("phone", "0470 12 34 56"),
        ("phone", "112"),
        ("phone", "1712"),
        ("email", "info@cpvcf.org"),
        ("web", "https://www.caw.be/contacteer-ons/"),
        ("chat", "https://caw.sittool.net/chat"),
    ],
)
def test_real_contact_details_are_accepted(kind, value):
    ContactChannel(kind=kind, value=value, purpose="office").clean()


@pytest.mark.parametrize(
    "kind, value, message",
    [
        ("phone", "02 539 27", "not a valid Belgian phone number"),
        ("phone", "12345", "not a valid Belgian phone number"),
        ("phone", "call us", "not a phone number"),
        ("email", "info@cpvcf", "not a valid e-mail address"),
        ("web", "www.caw.be", "not a web address"),
        ("chat", "javascript:alert(1)", "not a web address"),
    ],
)
def test_wrong_contact_details_are_refused_with_the_reason(kind, value, message):
    with pytest.raises(ValidationError, match=message):
        ContactChannel(kind=kind, value=value, purpose="office").clean()


def test_the_admin_refuses_a_mistyped_number_and_keeps_the_record(admin_client, service):
    record = service("cpvcf")
    data = edit_form(admin_client, f"{SERVICES}/edit/{record.pk}/")
    data[phone_field(data, "02 539 27 44")] = "02 539 27"
    data["action-publish"] = "Publish"
    response = admin_client.post(f"{SERVICES}/edit/{record.pk}/", data)
    assert response.status_code == 200
    assert "not a valid Belgian phone number" in response.content.decode()
    assert Service.objects.get(pk=record.pk).channels.first().value == "02 539 27 44"


def hours_form(admin_client, record, periods) -> dict:
    """The record's edit form with its opening periods replaced by `periods`, as an editor
    deleting the old rows and adding new ones would send it."""
    data = edit_form(admin_client, f"{SERVICES}/edit/{record.pk}/")
    existing = int(data["hours-TOTAL_FORMS"])
    for i in range(existing):
        data[f"hours-{i}-DELETE"] = "on"
    for i, (weekday, opens, closes) in enumerate(periods, start=existing):
        data.update(
            {
                f"hours-{i}-weekday": str(weekday),
                f"hours-{i}-opens": opens,
                f"hours-{i}-closes": closes,
                f"hours-{i}-ORDER": str(i + 1),
                f"hours-{i}-id": "",
            }
        )
    data["hours-TOTAL_FORMS"] = str(existing + len(periods))
    data["hours_mode"] = "weekly"
    data["action-publish"] = "Publish"
    return data


def test_overlapping_opening_hours_are_refused(admin_client, service):
    record = service("cpvcf")
    before = [str(p) for p in record.hours.all()]
    data = hours_form(admin_client, record, [(0, "09:00", "12:00"), (0, "11:00", "17:00")])
    response = admin_client.post(f"{SERVICES}/edit/{record.pk}/", data)
    assert response.status_code == 200
    assert "Opening periods overlap: Monday 09:00-12:00 and 11:00-17:00" in response.text
    assert [str(p) for p in Service.objects.get(pk=record.pk).hours.all()] == before


def test_closing_before_opening_is_refused(admin_client, service):
    record = service("cpvcf")
    data = hours_form(admin_client, record, [(1, "17:00", "09:00")])
    response = admin_client.post(f"{SERVICES}/edit/{record.pk}/", data)
    assert "Closing time must be after opening time" in response.text


def test_coherent_hours_with_a_lunch_break_are_accepted(admin_client, service):
    record = service("cpvcf")
    periods = [(0, "09:00", "12:00"), (0, "13:00", "17:00"), (1, "09:00", "12:00")]
    response = admin_client.post(
        f"{SERVICES}/edit/{record.pk}/", hours_form(admin_client, record, periods)
    )
    assert response.status_code == 302
    assert [str(p) for p in Service.objects.get(pk=record.pk).hours.all()] == [
        "Monday 09:00-12:00", "Monday 13:00-17:00", "Tuesday 09:00-12:00",
    ]  # fmt: skip


def editor_warnings(rf, admin_user, page) -> list[str]:
    """The messages Wagtail's page editor shows after saving or publishing `page` (its
    StreamField editor needs the browser's JavaScript, so the hooks are run as the editor view
    runs them after a save)."""
    request = rf.post(f"/admin/pages/{page.pk}/edit/")
    request.user = admin_user
    request.session = {}
    request._messages = FallbackStorage(request)
    for hook in hooks.get_hooks("after_edit_page"):
        hook(request, page)
    return [str(m) for m in get_messages(request)]


def test_publishing_a_section_that_shows_a_closed_service_warns(rf, admin_user, section, service):
    record = service("cpvcf")
    record.status = Service.Status.CLOSED
    record.save_revision().publish()
    warnings = editor_warnings(rf, admin_user, section("B.2.1"))
    assert any(record.name in w and "visitors will not see it" in w for w in warnings), warnings


def test_a_section_showing_an_unpublished_service_warns(rf, admin_user, section, service):
    service("cpvcf").unpublish()
    warnings = editor_warnings(rf, admin_user, section("B.2.1"))
    assert any("not published" in w for w in warnings), warnings


def test_a_section_with_only_public_services_gets_no_warning(rf, admin_user, section):
    assert editor_warnings(rf, admin_user, section("B.2.1")) == []
