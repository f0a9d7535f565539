"""One site served as production serves it, shared by every server and browser suite: gunicorn
with the production settings and gunicorn configuration and two workers sharing a Redis cache
(when Redis is reachable), on a database of its own (SQLite, or PostgreSQL when the suite runs
on it) with the content, the search index, the
roles, one editor and one reviewer. Its quick exit leads to a neutral site on another local
port."""

import json
import re
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import (
    EDITOR,
    LANGUAGES,
    REVIEWER,
    ROOT,
    TRANSLATOR,
    NeutralSite,
    RequestLog,
    final_url,
    get_text,
    scratch_database,
    section_url,
    server_env,
    start_server,
    stop_server,
)
from tests.paths import site_path
from tests.stack import REDIS_URL, reachable, redis_env


@dataclass(frozen=True)
class Served:
    url: str
    access_log: Path
    env: dict  # the server's environment, for management commands on its database


@pytest.fixture(scope="session")
def neutral():
    site = NeutralSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="session")
def served(tmp_path_factory, neutral) -> Served:
    scratch = tmp_path_factory.mktemp("served")
    with scratch_database(scratch) as database_url:
        env = {"QUICK_EXIT_URL": neutral.url, "DATABASE_URL": database_url}
        if reachable(REDIS_URL):  # as production: one cache for both workers
            env.update(redis_env())
        url, process = start_server(scratch, extra_env=env, users=[EDITOR, REVIEWER, TRANSLATOR])
        yield Served(url, scratch / "access.log", server_env(scratch, extra_env=env))
        stop_server(process)


@pytest.fixture(scope="session")
def site(served) -> str:
    """The served site's base URL, http://127.0.0.1:<port>."""
    return served.url


@pytest.fixture
def contexts(browser, site):
    """new(**options) → (context, RequestLog); after the test, every context is closed and none
    may have called another origin (tests that leave for the neutral site check their own)."""
    opened = []

    def new(check_origins=True, **options):
        context = browser.new_context(**options)
        log = RequestLog(context)
        opened.append((context, log, check_origins))
        return context, log

    yield new
    for context, _, _ in opened:
        context.close()
    for _, log, check_origins in opened:
        assert log.urls, "the browser made no request"
        if check_origins:
            assert not log.elsewhere(site), f"requests to other origins: {log.elsewhere(site)}"


SEARCHES = {"en": "cycle of violence", "fr": "cycle de la violence", "nl": "geweldcyclus"}
# Searches that say someone is in danger now: the emergency box comes first.
DANGER_SEARCHES = {"en": "he will kill me", "fr": "il va me tuer", "nl": "hij gaat me vermoorden"}
FOOTER_PAGES = ("staying safe", "accessibility")  # the footer's links, in its order


def footer_links(home_html: str) -> dict[str, str]:
    """The paths of the footer's pages, from a home page (their slugs may be translated)."""
    footer = home_html.split('class="footer-links"', 1)[1].split("</ul>", 1)[0]
    return dict(zip(FOOTER_PAGES, re.findall(r'href="(/[^"]+)"', footer), strict=True))


@pytest.fixture(scope="session")
def page_types(site) -> dict[str, dict[str, tuple[str, int]]]:
    """One page of each public page type, per language: name → (URL, expected status). The
    private section's password page is the `private_section` fixture's."""
    result = {}
    for language in LANGUAGES:
        a3 = section_url(site, "A.3", language)
        fact_sheet = a3.rsplit("/", 3)[0] + "/"
        query = urllib.parse.quote(SEARCHES[language])
        danger = urllib.parse.quote(DANGER_SEARCHES[language])
        footer = footer_links(get_text(f"{site}/{language}/"))
        result[language] = {
            "home": (f"{site}/{language}/", 200),
            "fact sheet": (fact_sheet, 200),
            "long section A.3": (a3, 200),
            "section with service cards B.2.2": (section_url(site, "B.2.2", language), 200),
            "service directory": (final_url(f"{site}/{language}/services/"), 200),
            "search results": (f"{site}{site_path('search', language)}?q={query}", 200),
            "search results, danger": (f"{site}{site_path('search', language)}?q={danger}", 200),
            "zero results": (f"{site}{site_path('search', language)}?q=zqxwvkj", 200),
            **{name: (final_url(site + path), 200) for name, path in footer.items()},
            "404": (f"{site}/{language}/no-such-page/", 404),
            "printable sheet": (f"{fact_sheet}print/", 200),
        }
    return result


@dataclass(frozen=True)
class PrivateSection:
    paths: dict[str, str]  # language → the path of its password page
    password: str


RESTRICT = """\
import json, sys
import django
django.setup()
from wagtail.models import PageViewRestriction
from knowledge.models import SectionPage
pages = SectionPage.objects.filter(number="B.3")
if sys.argv[1] == "add":
    for page in pages:
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password=sys.argv[2]
        )
    print(json.dumps({page.locale.language_code: page.url for page in pages}))
else:
    PageViewRestriction.objects.filter(page__in=pages).delete()
"""


def restrict(served: Served, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RESTRICT, *args],
        cwd=ROOT,
        env=served.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def private_section(served) -> PrivateSection:
    """Section B.3, in every language, behind a password for one module's tests, then public
    again."""
    password = "only-for-the-network"
    yield PrivateSection(json.loads(restrict(served, "add", password)), password)
    restrict(served, "remove")
