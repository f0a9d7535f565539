"""Shared fixtures: the whole content loaded once per test database, and helpers to read pages."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page

from knowledge.models import FactSheetPage, SectionPage
from services.models import Service
from tests.source_sheet import SourceSheet


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real content, loaded by the real command."""
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture(scope="session")
def source():
    return SourceSheet()


@pytest.fixture
def sheet(db):
    return FactSheetPage.objects.get(
        slug="violence-between-ex-partners", locale__language_code="en"
    )


@pytest.fixture
def section(sheet):
    def get(number):
        return SectionPage.objects.descendant_of(sheet).get(number=number)

    return get


@pytest.fixture
def service(db):
    def get(slug):
        return Service.objects.get(slug=slug, locale__language_code="en")

    return get


@pytest.fixture
def public_pages(db):
    """Every published page of the site, most specific type."""
    return list(Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"))


def page_text(response) -> str:
    """What a reader sees in <main>, with whitespace collapsed."""
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main") or soup
    return re.sub(r"\s+", " ", html.unescape(main.get_text(" "))).strip()


@pytest.fixture
def read(client):
    """GET a page and return (response, visible text of its main content)."""

    def get(page_or_url):
        url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
        response = client.get(url)
        return response, page_text(response)

    return get
