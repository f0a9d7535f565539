"""Shared fixtures: the whole content loaded once per test database, and helpers to read pages."""

import html
import os
import re
import shutil
import uuid
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from knowledge.models import FactSheetPage, SectionPage
from search.engines import get_engine
from search.indexing import rebuild
from services.models import Service
from tests.source_sheet import SourceSheet


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the real content, loaded by the real commands, as `make run`
    does (the search index is made only by a rebuild)."""
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)
        call_command("rebuild_search_index", verbosity=0)
        call_command("setup_roles", verbosity=0)


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of content/ that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(settings.BASE_DIR / "content", target)
    return target


def edit_yaml(path: Path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


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


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ENGINES = [
    pytest.param("embedded", id="embedded"),
    pytest.param(
        "elasticsearch",
        id="elasticsearch",
        marks=pytest.mark.skipif(
            not ELASTICSEARCH_URL,
            reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against",
        ),
    ),
]


def engine_settings(name: str, index: str) -> dict:
    """Settings that select engine `name`, with its own index named after `index`."""
    if name == "embedded":
        return {"ELASTICSEARCH_URL": "", "SEARCH_INDEX_PATH": Path(index) / "index.sqlite3"}
    return {"ELASTICSEARCH_URL": ELASTICSEARCH_URL, "ELASTICSEARCH_INDEX_PREFIX": Path(index).name}


@pytest.fixture(scope="session", params=ENGINES)
def built_index(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole loaded content indexed once per engine, for tests that only read."""
    folder = tmp_path_factory.mktemp(f"ipvkb-test-{request.param}")
    config = engine_settings(request.param, folder)
    with override_settings(**config), django_db_blocker.unblock():
        rebuild()
    yield config
    with override_settings(**config):
        drop_elasticsearch_indices(get_engine())


@pytest.fixture
def engine(built_index, settings, db):
    """The engine of this test's parameter, holding the whole content (read-only use)."""
    for name, value in built_index.items():
        setattr(settings, name, value)
    return get_engine()


@pytest.fixture(params=ENGINES)
def fresh_engine(request, settings, db, tmp_path):
    """An engine with an empty index of its own (built empty), for tests that change content."""
    folder = tmp_path / f"ipvkb-test-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    for name, value in engine_settings(request.param, folder).items():
        setattr(settings, name, value)
    get_engine().rebuild([])
    yield get_engine()
    drop_elasticsearch_indices(get_engine())


def drop_elasticsearch_indices(engine) -> None:
    """Leave the Elasticsearch server as it was (nothing to do for the embedded engine, whose
    index lives in the test's temporary folder)."""
    client = getattr(engine, "client", None)
    if client is not None:
        names = list(client.indices.get(index=f"{engine.prefix}-*"))
        if names:
            client.indices.delete(index=",".join(names))


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, for one test module (see tests/browser.py)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
