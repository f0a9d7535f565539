"""Nothing that is not public leaves the system (issue 13): for every kind of non-public item,
its own made-up word appears nowhere a visitor or a partner can reach.

Each case first publishes the word in an item and checks that a crawl finds it (so the test can
fail), then makes the item non-public in its own way and crawls everything public: every page
of the tree in the three languages (including the pages that are not public, by their URL),
the printable sheets, the fixed pages, the search page, the search API, suggestions and
did-you-mean, every feed list and the details it links to, /changes/, Atom, and HSDS lists and
details. The word must be in none of the bodies, and the change that hid the item must be
announced as a removal. Queries are sent in capitals and bodies searched for the lower-case
word, so a page that repeats the query does not count as a leak.

An expiry is published ten minutes ahead, then the clock (`django.utils.timezone.now`) is moved
past it: nothing is written when it passes (`publish_scheduled` does not run here), as in the
minute before the scheduler runs."""

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from changes.models import ChangeEvent
from knowledge.models import FactSheetPage, SectionPage
from search.indexing import rebuild
from services.models import Organisation, Service
from tests.paths import site_path
from tests.stack import sqlite_pass_only

# The rule is the same queries on both databases; the matrix is the suite's slowest module, so it
# runs in the SQLite pass only (CI runs both), to keep CI within its time.
pytestmark = sqlite_pass_only("the visibility rule's queries are the same on PostgreSQL")

LANGUAGES = ("en", "fr", "nl")


@pytest.fixture(scope="module")
def built_index_file(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole content indexed once (embedded engine); each case gets a copy of it."""
    path = tmp_path_factory.mktemp("leaks-index") / "index.sqlite3"
    with (
        override_settings(ELASTICSEARCH_URL="", SEARCH_INDEX_PATH=path),
        django_db_blocker.unblock(),
    ):
        rebuild()
    return path


@pytest.fixture
def index(built_index_file, settings, tmp_path):
    """A private copy of the built index, in use for this test."""
    copy = tmp_path / "index.sqlite3"
    source, target = sqlite3.connect(built_index_file), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_PATH = copy


# What a case does to the content. `word` goes into the item's texts; `reveal` publishes it,
# `hide` makes it non-public in the case's own way.


def section(number: str, language: str = "en") -> SectionPage:
    sheet = FactSheetPage.objects.get(
        slug="violence-between-ex-partners", locale__language_code="en"
    )
    page = SectionPage.objects.descendant_of(sheet).get(number=number)
    if language != "en":
        page = page.get_translation(Locale.objects.get(language_code=language))
    return page


def service(slug: str) -> Service:
    return Service.objects.get(slug=slug, locale__language_code="en")


def publish_page(page, word: str) -> None:
    page = page.specific
    page.title = f"{page.title} {word}"
    page.summary = f"{page.summary} {word}".strip()
    page.save_revision().publish()


def publish_service(record, word: str) -> None:
    record.name = f"{record.name} {word}"
    record.description = f"{record.description} {word}".strip()
    record.save_revision().publish()


EXPIRY_DELAY = timedelta(minutes=10)


def expire_soon(record):
    """Published again with an expiry ahead; returns that moment. Once the clock has passed it
    nothing is written (Wagtail's `publish_scheduled` has not run): time alone must hide the
    item."""
    record = type(record).objects.get(pk=record.pk)
    record.expire_at = timezone.now() + EXPIRY_DELAY
    record.save_revision().publish()
    return record.expire_at


def restrict(page, kind: str) -> None:
    options = {"password": "not-for-you"} if kind == "password" else {}
    PageViewRestriction.objects.create(page=page, restriction_type=kind, **options)


@dataclass(frozen=True)
class Case:
    """A kind of non-public item: which items carry the word, and how they are hidden."""

    name: str
    items: tuple[tuple[str, str], ...]  # ("section", number) | ("fr-section", ...) | ...
    hide: object  # (items) -> None, or the moment they expire
    removed: tuple[str, ...]  # identifiers announced as a removal (none for a draft)


def draft_of_page(pages):
    page = pages[0].specific
    word_title, word_summary = page.title, page.summary
    page.title, page.summary = page.title.rsplit(" ", 1)[0], page.summary.rsplit(" ", 1)[0]
    page.save_revision().publish()
    page.title, page.summary = word_title, word_summary
    page.save_revision()  # a draft with the word, on a live page


def draft_of_service(records):
    record = records[0]
    word_name, word_description = record.name, record.description
    record.name = record.name.rsplit(" ", 1)[0]
    record.description = record.description.rsplit(" ", 1)[0]
    record.save_revision().publish()
    record.name, record.description = word_name, word_description
    record.save_revision()


CASES = [
    Case("draft-section", (("section", "A.5.2"),), draft_of_page, ()),
    Case("draft-service", (("service", "cpvcf"),), draft_of_service, ()),
    Case("unpublished-section", (("section", "A.5.2"),), lambda p: p[0].unpublish(), ("A.5.2",)),
    Case(
        "unpublished-ancestor",
        (("section", "A.5"), ("section", "A.5.3")),
        lambda p: p[0].unpublish(),  # A.5 alone: Wagtail leaves A.5.3 live
        ("A.5", "A.5.3"),
    ),
    Case("private-login", (("section", "A.5.3"),), lambda p: restrict(p[0], "login"), ("A.5.3",)),
    Case(
        "private-password-ancestor",
        (("section", "A.5"), ("section", "A.5.3")),
        lambda p: restrict(p[0], "password"),
        ("A.5", "A.5.3"),
    ),
    Case("expired-section", (("section", "A.5.2"),), lambda p: expire_soon(p[0]), ("A.5.2",)),
    Case(
        "expired-ancestor",
        (("section", "A.5"), ("section", "A.5.3")),
        lambda p: expire_soon(p[0]),
        ("A.5", "A.5.3"),
    ),
    Case("expired-service", (("service", "cpvcf"),), lambda s: expire_soon(s[0]), ("cpvcf",)),
    Case("closed-service", (("service", "cpvcf"),), lambda s: close(s[0]), ("cpvcf",)),
    Case("unpublished-service", (("service", "cpvcf"),), lambda s: s[0].unpublish(), ("cpvcf",)),
    Case(
        "unpublished-organisation",
        (("organisation", "cpvcf"),),
        lambda o: o[0].unpublish(),
        (),  # its services stay, updated without its name
    ),
    Case(
        "expired-organisation",
        (("organisation", "cpvcf"),),
        lambda o: expire_soon(o[0]),
        (),
    ),
    Case(
        "unpublished-translation",
        (("fr-section", "A.5.2"),),
        lambda p: p[0].unpublish(),
        ("A.5.2",),
    ),
]


def close(record) -> None:
    record.status = Service.Status.CLOSED
    record.save_revision().publish()


def reveal(kind: str, key: str, word: str):
    """Publish the word in one item; returns the item."""
    if kind == "section":
        item = section(key)
        publish_page(item, word)
    elif kind == "fr-section":
        item = section(key, "fr")
        publish_page(item, word)
    elif kind == "service":
        item = service(key)
        publish_service(item, word)
    else:
        item = Organisation.objects.get(slug=key, locale__language_code="en")
        item.name = f"{item.name} {word}"
        item.save_revision().publish()
    return type(item).objects.get(pk=item.pk)


# The crawl: every URL a visitor or a partner can reach, and each body.


def bodies(client, word: str) -> Iterator[tuple[str, str]]:
    """(url, body) of every public response; searches first (cheap, and likely to find)."""
    query = word.upper()
    typo = query[:-1] + ("A" if query[-1] != "A" else "B")  # one letter off: did-you-mean
    for code in LANGUAGES:
        for q in (query, typo):
            yield from get(client, f"/api/v1/search/?q={q}&locale={code}&page_size=50")
            yield from get(client, f"{site_path('search', code)}?q={q}")
        yield from get(client, f"/api/v1/search/suggest/?q={query[:-2]}&locale={code}")
        yield from get(client, f"/api/hsds/services?search={query}&locale={code}")
    for code in LANGUAGES:
        yield from feed_lists(client, code)
    yield from changes(client)
    for code in LANGUAGES:
        yield from get(client, f"/api/v1/changes/{code}.atom")
    for code in LANGUAGES:
        yield from hsds(client, code)
    yield from site(client)


def get(client, url: str) -> Iterator[tuple[str, str]]:
    response = client.get(url)  # `client` commits after each request (see `committing`)
    assert response.status_code < 500, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    yield url, body.decode()


def getjson(client, url: str) -> tuple[dict, list[tuple[str, str]]]:
    served = list(get(client, url))
    return json.loads(served[0][1]), served


def feed_lists(client, code: str):
    for kind in ("sections", "services", "fact-sheets"):
        url = f"/api/v1/{kind}/?locale={code}&page_size=100"
        while url:
            data, served = getjson(client, url)
            yield from served
            for item in data["results"]:
                yield from get(client, item["api_url"])
            url = data["next"]


def changes(client):
    since = 0
    while True:
        data, served = getjson(client, f"/api/v1/changes/?since={since}&limit=1000")
        yield from served
        if not data["has_more"]:
            return
        since = data["next_cursor"]


def hsds(client, code: str):
    yield from get(client, "/api/hsds/")
    for kind in ("services", "organizations", "service_at_locations"):
        page = 1
        while True:
            data, served = getjson(client, f"/api/hsds/{kind}?locale={code}&page={page}")
            yield from served
            for item in data["contents"]:
                yield from get(client, f"/api/hsds/{kind}/{item['id']}")
            if data["last_page"]:
                break
            page += 1
    yield from get(client, "/api/hsds/taxonomies")
    yield from get(client, "/api/hsds/taxonomy_terms")


def site(client):
    """Every page of the tree by its URL (public or not), the printable sheets, fixed pages."""
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        url = page.get_url()
        if url:
            yield from get(client, url)
            if isinstance(page, FactSheetPage):
                yield from get(client, f"{url}print/")
    for code in LANGUAGES:
        yield from get(client, site_path("staying-safe", code))
        yield from get(client, site_path("accessibility", code))


def leaks(client, word: str, stop_at_first: bool = False) -> list[str]:
    found = []
    for url, body in bodies(client, word):
        if word in body:
            found.append(url)
            if stop_at_first:
                break
    return found


class Committing:
    """The test client, with what a request leaves for after its commit run when it returns
    (as in production, where each request commits: the index follows a rebuild that a request
    made), not at the end of the test."""

    def __init__(self, client, capture):
        self.client, self.capture = client, capture

    def get(self, url):
        with self.capture(execute=True):
            return self.client.get(url)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_non_public_item_leaks_nowhere(
    case, db, client, index, django_capture_on_commit_callbacks, monkeypatch
):
    word = f"zqx{case.name.replace('-', '')[:10]}vel"
    client = Committing(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):  # the index follows each commit
        items = [reveal(kind, key, word) for kind, key in case.items]
    assert leaks(client, word, stop_at_first=True), "the crawl cannot see the word at all"
    start = ChangeEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with django_capture_on_commit_callbacks(execute=True):
        expiry = case.hide(items)
    if expiry is not None:
        # Still public after the write's rebuild: what hides it now is the clock alone.
        assert leaks(client, word, stop_at_first=True), "public until it expires"
        real_now, later = timezone.now, expiry - timezone.now() + timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: real_now() + later)
        # The first request after the expiry rebuilds the documents. In production its commit
        # updates the search index within that request; the test's transaction defers that
        # to the request's end, so let one request (the feed root) make the rebuild first.
        client.get("/api/v1/")
    assert leaks(client, word) == []
    removed = ChangeEvent.objects.filter(id__gt=start, action__in=["unpublished", "deleted"])
    announced = set(removed.values_list("identifier", flat=True))
    # A hidden ancestor takes its whole subtree along; a draft or an organisation removes nothing.
    assert set(case.removed) <= announced if case.removed else announced == set()
    published = ChangeEvent.objects.filter(id__gt=start, action="published")
    assert not published.exists(), "something was announced as published while hidden"
