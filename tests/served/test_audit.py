"""End to end, in a real browser against the served site: every public template in each
language, audited with axe-core (WCAG 2.1 A and AA), and the weight of each page on the wire."""

import urllib.error
import urllib.parse
import urllib.request

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import expect

from tests.browser import (
    LANGUAGES,
    exit_link,
    final_url,
    requires_chromium,
    section_url,
    status,
)
from tests.paths import site_path
from tests.served.conftest import DANGER_SEARCHES

pytestmark = requires_chromium


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# WCAG 2.1's 4.1.1 Parsing (unique ids), which axe-core no longer runs unless asked (WCAG 2.2
# dropped it).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [*AXE_TAGS, "wcag411"]},
    "rules": {"duplicate-id": {"enabled": True}, "duplicate-id-active": {"enabled": True}},
    "resultTypes": ["violations"],
}

MAX_PAGE_BYTES = 100 * 1024

# Sections with different blocks: definitions, fact sheet reference and citation (A.2), the
# cycle (A.3), warning signs (A.4.2), further information and subsections (A.5.3), do/don't
# (B.1.3), one service card (B.2.1), two service cards (B.2.2), cards with no heading (B.3).
AUDITED_SECTIONS = ("A", "A.2", "A.3", "A.4.2", "A.5.3", "B.1.3", "B.2.1", "B.2.2", "B.3")

# Pages of the site that may not exist yet (added in parallel): audited when they do.
OPTIONAL_PAGES = ("staying-safe", "accessibility")

SEARCHES = {"en": "cycle of violence", "fr": "cycle de la violence", "nl": "geweldcyclus"}


@pytest.fixture(scope="module")
def pages(site) -> dict[str, dict[str, tuple[str, int]]]:
    """Every public template, per language: name → (URL, expected status)."""
    result = {}
    for language in LANGUAGES:
        a3 = section_url(site, "A.3", language)
        fact_sheet = a3.rsplit("/", 3)[0] + "/"
        search = site_path("search", language)
        found = {
            "home": (f"{site}/{language}/", 200),
            "fact sheet": (fact_sheet, 200),
            **{f"section {n}": (section_url(site, n, language), 200) for n in AUDITED_SECTIONS},
            "services": (final_url(f"{site}/{language}/services/"), 200),
            "search": (
                f"{site}{search}?q={urllib.parse.quote(SEARCHES[language])}",
                200,
            ),
            "search, danger": (
                f"{site}{search}?q={urllib.parse.quote(DANGER_SEARCHES[language])}",
                200,
            ),
            "search, no result": (f"{site}{search}?q=zqxwvkj", 200),
            "search, no words": (f"{site}{search}", 200),
            "404": (f"{site}/{language}/no-such-page/", 404),
        }
        for name in OPTIONAL_PAGES:
            url = site + site_path(name, language)
            if status(url) == 200:
                found[name] = (url, 200)
        if status(f"{fact_sheet}print/") == 200:
            found["fact sheet, print"] = (f"{fact_sheet}print/", 200)
        assert all(url.startswith(site) for url, _ in found.values())
        result[language] = found
    return result


# 6. Accessibility audit ----------------------------------------------------------------------


def axe_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['page']}: {violation['id']} ({violation['impact']}) {violation['help']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_wcag_violation(pages, contexts, tmp_path, language):
    # The strict CSP forbids the inline script that carries axe: this context only ignores it.
    context, _ = contexts(bypass_csp=True)
    page = context.new_page()
    violations, to_review = [], set()
    for name, (url, expected_status) in pages[language].items():
        response = page.goto(url)
        assert response.status == expected_status, (name, url, response.status)
        expect(page.locator("html")).to_have_attribute("lang", language)
        # The site's stylesheet applies (colour contrast is checked against it).
        expect(exit_link(page, language)).to_have_css(
            "background-color", "rgb(202, 53, 53)"
        )  # GOV.UK warning
        page.add_script_tag(content=AXE_SCRIPT)
        results = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
        assert results["testEngine"]["name"] == "axe-core"
        checked = {rule["id"] for rule in results["passes"] + results["violations"]}
        assert {"color-contrast", "link-name", "html-lang-valid"} <= checked, checked
        ran = checked | {rule["id"] for rule in results["inapplicable"] + results["incomplete"]}
        assert {"duplicate-id", "duplicate-id-active", "duplicate-id-aria"} <= ran, ran
        violations += [{**v, "page": f"{language} {name}"} for v in results["violations"]]
        to_review |= {f"{rule['id']} ({name})" for rule in results["incomplete"]}
    print(
        f"\naxe-core {results['testEngine']['version']} on {len(pages[language])} {language} "
        f"pages: {len(violations)} violations; to review by hand: {sorted(to_review) or 'none'}"
    )
    assert not violations, "\n" + axe_report(violations)


# 8. Page weight ------------------------------------------------------------------------------


def test_every_page_weighs_less_than_100_kb(pages, contexts):
    """What a phone downloads for each page on a first visit (the browser's cache is off): the
    bytes Chromium saw on the wire (headers and bodies as sent, compressed); the decoded sizes
    are printed beside them."""
    table, finished = {}, []
    for language in LANGUAGES:
        context, _ = contexts()
        context.on("requestfinished", lambda request: finished.append(request))
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        for name, (url, _status) in pages[language].items():
            finished.clear()
            response = page.goto(url, wait_until="load")
            assert response.url == url, f"{url} redirected to {response.url}"
            expect(page.locator("main")).to_be_visible()
            wire = decoded = 0
            for request in finished:
                sizes = request.sizes()
                # Nothing came from the cache (a cached response has no body on the wire).
                assert sizes["responseBodySize"] > 0, (name, request.url, sizes)
                wire += sizes["responseHeadersSize"] + sizes["responseBodySize"]
                decoded += len(request.response().body())
            kinds = sorted(request.resource_type for request in finished)
            assert {"document", "stylesheet", "script"} <= set(kinds), (name, kinds)
            assert set(kinds) <= {"document", "stylesheet", "script", "image", "other"}, kinds
            others = [r.url for r in finished if r.resource_type == "other"]
            assert all("/favicon." in url for url in others), (name, others)
            table.setdefault(name, {})[language] = (wire, decoded)
    print("\nPage weight, first visit (bytes on the wire / decoded):")
    for name, row in table.items():
        figures = "   ".join(
            f"{lang} {wire:>6} / {decoded:>6}" for lang, (wire, decoded) in row.items()
        )
        print(f"  {name:<20} {figures}")
    too_heavy = {
        (name, language): figures
        for name, row in table.items()
        for language, figures in row.items()
        if figures[0] >= MAX_PAGE_BYTES
    }
    assert not too_heavy, f"pages of {MAX_PAGE_BYTES} bytes or more on the wire: {too_heavy}"
