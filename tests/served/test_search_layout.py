"""End to end, in Chromium against the served site: on a results page the results come first.

At 320, 360 and 390 px (phones) and 1280 px, in EN, FR and NL, for an ordinary search and one
that says someone is in danger: the first result's title (its first line) is on the first
screen, below the header and, when there is one, below the emergency box, whose call controls
are at least 44×44 px; the filters are collapsed on phones (GOV.UK's details, which opens
without JavaScript). One test per width collects every failure into one message."""

import urllib.parse

import pytest

from tests.browser import LANGUAGES, MIN_TARGET, SCREENS, requires_chromium, screen_options
from tests.paths import site_path
from tests.served.conftest import DANGER_SEARCHES, SEARCHES
from tests.stack import sqlite_pass_only

pytestmark = [requires_chromium, sqlite_pass_only("the layout is the same on PostgreSQL")]

# Boxes in screen coordinates (the visual viewport); the title's first line is the first of
# the link's line boxes.
MEASURE = """() => {
    const view = window.visualViewport;
    const rect = (r) => r && {top: r.top - view.offsetTop, bottom: r.bottom - view.offsetTop,
                              left: r.left - view.offsetLeft, right: r.right - view.offsetLeft,
                              width: r.width, height: r.height};
    const box = (selector) => {
        const element = document.querySelector(selector);
        return element ? rect(element.getBoundingClientRect()) : null;
    };
    const title = document.querySelector(".search-result__title a");
    const facets = document.querySelector(".search-facets");
    const facetLink = document.querySelector(".search-facets li a");
    return {
        header: box(".site-header"),
        exit: box("[data-quick-exit]"),
        emergency: box(".emergency-box"),
        firstLine: title ? rect(title.getClientRects()[0]) : null,
        calls: [...document.querySelectorAll(".emergency-box a[href^='tel:']")]
            .map((a) => ({href: a.getAttribute("href"), ...rect(a.getBoundingClientRect())})),
        facets: facets && {open: facets.open, linkShown: facetLink.checkVisibility()},
    };
}"""


def fmt(box: dict | None) -> str:
    return "missing" if box is None else "y {top:.0f}–{bottom:.0f}".format(**box)


def check(seen: dict, width: int, height: int, danger: bool) -> list[str]:
    """What is wrong with one results page at one screen size (empty when nothing is)."""
    problems = []
    line = seen["firstLine"]
    if line is None or line["top"] < 0 or line["bottom"] > height:
        problems.append(f"first result's title not on the first screen: {fmt(line)}")
    above = [seen["header"], seen["exit"]] + ([seen["emergency"]] if danger else [])
    if None in above:
        problems.append(f"missing header, exit or emergency box: {list(map(fmt, above))}")
    elif line and any(line["top"] < box["bottom"] for box in above):
        problems.append(f"first result {fmt(line)} not below {list(map(fmt, above))}")
    if danger:
        hrefs = [call["href"] for call in seen["calls"]]
        if "tel:112" not in hrefs or len(hrefs) < 2:
            problems.append(f"the emergency box calls {hrefs}, not 112 and the 24/7 helpline")
        small = [c for c in seen["calls"] if c["width"] < MIN_TARGET or c["height"] < MIN_TARGET]
        if small:
            problems.append(f"call controls smaller than {MIN_TARGET}×{MIN_TARGET} px: {small}")
    elif seen["emergency"]:
        problems.append("an emergency box on an ordinary search")
    facets = seen["facets"]
    if width < 1000 and facets and (facets["open"] or facets["linkShown"]):
        problems.append(f"filters not collapsed on a phone: {facets}")
    return problems


@pytest.mark.parametrize("width", SCREENS)
def test_the_first_result_is_on_the_first_screen(width, site, contexts):
    height = SCREENS[width]
    context, _ = contexts(**screen_options(width))
    page = context.new_page()
    failures, with_facets = [], 0
    for language in LANGUAGES:
        for danger, query in ((False, SEARCHES[language]), (True, DANGER_SEARCHES[language])):
            url = f"{site}{site_path('search', language)}?q={urllib.parse.quote(query)}"
            assert page.goto(url).status == 200, url
            seen = page.evaluate(MEASURE)
            with_facets += bool(seen["facets"])
            for problem in check(seen, width, height, danger):
                failures.append(f"{language} “{query}” at {width}×{height}: {problem}\n    {url}")
    assert with_facets >= 3, "too few of these searches have filters to check"
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures)


def test_the_filters_open_without_javascript(site, contexts):
    context, _ = contexts(java_script_enabled=False, **screen_options(320))
    page = context.new_page()
    page.goto(f"{site}{site_path('search', 'fr')}?q={urllib.parse.quote(SEARCHES['fr'])}")
    link = page.locator(".search-facets li a").first
    assert not link.is_visible()
    page.locator(".search-facets summary").click()
    assert link.is_visible()
    link.click()
    assert "type=" in page.url or "part=" in page.url or "topic=" in page.url
    assert page.locator(".search-selected a").count() == 1
