"""The Wagtail admin: closed to visitors; editors can open every page and record they keep."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from knowledge.models import SectionPage, ServiceDirectoryPage
from services.models import Organisation, Service


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x" * 12)
    client.force_login(user)
    return client


def test_admin_requires_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_can_open_every_page_for_editing(admin_client, sheet):
    pages = [sheet, *sheet.sections(), ServiceDirectoryPage.objects.get(), sheet.get_parent()]
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.title


def test_section_editor_offers_the_structured_block_set(admin_client, section):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[section("A.3").pk])).content
    for label in (b"Cycle of violence", b"Do not / Instead", b"Warning signs", b"Service"):
        assert label in html


def test_service_library_is_registered_as_snippets(admin_client, service):
    assert {Service, Organisation} <= set(get_snippet_models())
    listing = admin_client.get(reverse("wagtailsnippets_services_service:list"))
    assert listing.status_code == 200
    assert b"caw-victim-support-brussels" in listing.content
    edit = admin_client.get(
        reverse("wagtailsnippets_services_service:edit", args=[service("cpvcf").pk])
    )
    assert edit.status_code == 200
    assert b"02 539 27 44" in edit.content


def test_a_section_number_must_be_unique_within_its_sheet(section):
    duplicate = SectionPage(title="Another definition", number="A.1", slug="another")
    section("A").add_child(instance=duplicate)
    with pytest.raises(ValidationError, match="A.1 already exists"):
        duplicate.full_clean()


@pytest.mark.parametrize("number", ["a.1", "A.", "A.01", "AB", "1.2"])
def test_a_section_number_must_follow_the_sheet_numbering(section, number):
    page = section("A.1")
    page.number = number
    with pytest.raises(ValidationError):
        page.full_clean()
