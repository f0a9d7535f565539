"""The Wagtail admin: closed to visitors; editors can open every page and record they keep."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

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
    pages = [
        sheet,
        *sheet.sections(),
        ServiceDirectoryPage.objects.get(locale__language_code="en"),
        sheet.get_parent(),
    ]
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
    with pytest.raises(ValidationError, match="A.1 already exists"):
        section("A").add_child(instance=duplicate)


@pytest.mark.parametrize("number", ["a.1", "A.", "A.01", "AB", "1.2"])
def test_a_section_number_must_follow_the_sheet_numbering(section, number):
    page = section("A.1")
    page.number = number
    with pytest.raises(ValidationError):
        page.full_clean()


def create_section_form(parent, number, title):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(f"{number} {title}"),
            "number": number,
            "summary": "",
            "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
            "topics": inline_formset([]),
        }
    )


@pytest.mark.parametrize(
    ("parent_number", "number", "message"),
    [
        ("A", "A.1", b"Section A.1 already exists in this fact sheet."),
        ("A.5", "B.4", b"A section under A.5 is numbered A.5.1, .2, ..."),
        (None, "C.1", b"A part directly under the fact sheet is numbered with a letter"),
    ],
)
def test_admin_refuses_a_section_number_that_breaks_the_sheet(
    admin_client, sheet, section, parent_number, number, message
):
    parent = section(parent_number) if parent_number else sheet
    pages_before = SectionPage.objects.count()
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "sectionpage", parent.pk])
    response = admin_client.post(url, create_section_form(parent, number, "New section"))
    assert response.status_code == 200
    assert message in response.content
    assert SectionPage.objects.count() == pages_before


def test_admin_creates_a_well_numbered_section_as_a_draft(admin_client, client, section):
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "sectionpage", section("A.5").pk])
    response = admin_client.post(url, create_section_form(section("A.5"), "A.5.9", "Older people"))
    assert response.status_code == 302
    page = section("A.5.9")
    assert not page.live
    client.logout()
    assert client.get(f"/en/{page.url_path.split('/', 2)[2]}").status_code == 404


def test_editors_can_preview_a_draft_section(admin_client, section):
    page = section("A.5.4")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = create_section_form(section("A.5"), "A.5.4", "Language barriers, reworded")
    data["slug"] = page.slug
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"Language barriers, reworded" in response.content


def test_editors_can_preview_a_new_section(admin_client, section):
    parent = section("A.5")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["knowledge", "sectionpage", parent.pk])
    assert admin_client.post(url, create_section_form(parent, "A.5.9", "Older people")).json()[
        "is_valid"
    ]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"Older people" in response.content


def test_a_private_section_is_readable_once_logged_in(admin_client, section):
    page = section("A.5.6")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = admin_client.get(page.url)
    assert response.status_code == 200
    assert page.title.encode() in response.content
