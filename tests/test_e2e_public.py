"""End to end, in a real browser against a real server: the public site as a visitor uses it.

Reading (home → fact sheet → section, breadcrumbs, previous/next), switching language on a
section, searching from the header, the quick exit (link, Shift three times, without
JavaScript, not back to the site), keyboard-only use, an axe-core audit (WCAG 2.1 A and AA) of
every public template in each language, and the weight of each page on the wire. No request
may leave for another origin, except to the neutral site once the visitor has left.

The neutral site of the quick exit is a tiny local HTTP server, so no real internet is needed."""

import http.server
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

from tests.browser import (
    EXPECT_TIMEOUT_MS,
    RequestLog,
    get_json,
    other_origins,
    requires_chromium,
    running_server,
    screenshot_on_failure,
)

pytestmark = requires_chromium

LANGUAGES = ("en", "fr", "nl")
EXIT_LABEL = {"en": "Exit this page", "fr": "Quitter cette page", "nl": "Deze pagina verlaten"}
SKIP_LABEL = "Skip to main content"
NEUTRAL_TITLE = "Weather forecast"
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


class NeutralSite:
    """A plain page on another origin (another local port), standing for the weather site the
    quick exit leads to; it keeps the path and headers of every request it gets."""

    def __init__(self):
        self.requests: list[tuple[str, dict[str, str]]] = []
        log = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                body = (
                    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    f"<title>{NEUTRAL_TITLE}</title></head><body><h1>{NEUTRAL_TITLE}</h1>"
                    "<p>Sunny spells, light wind.</p></body></html>"
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/weather/today"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def visits(self) -> list[dict[str, str]]:
        """The headers of the requests for the neutral page itself."""
        path = urllib.parse.urlsplit(self.url).path
        return [headers for request_path, headers in self.requests if request_path == path]


@pytest.fixture(scope="module")
def neutral():
    site = NeutralSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, neutral):
    """The site served by gunicorn on a scratch database with the content; its quick exit
    leads to the neutral site."""
    scratch = tmp_path_factory.mktemp("public")
    with running_server(scratch, extra_env={"QUICK_EXIT_URL": neutral.url}) as base_url:
        yield base_url


def section_url(base_url: str, number: str, language: str) -> str:
    found = get_json(f"{base_url}/api/v1/sections/?number={number}&locale={language}")
    return found["results"][0]["url"]


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def final_url(url: str) -> str:
    """Where `url` leads after redirects (/nl/services/ is /nl/diensten/)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.url


@pytest.fixture(scope="module")
def pages(site) -> dict[str, dict[str, tuple[str, int]]]:
    """Every public template, per language: name → (URL, expected status)."""
    result = {}
    for language in LANGUAGES:
        a3 = section_url(site, "A.3", language)
        fact_sheet = a3.rsplit("/", 3)[0] + "/"
        found = {
            "home": (f"{site}/{language}/", 200),
            "fact sheet": (fact_sheet, 200),
            **{f"section {n}": (section_url(site, n, language), 200) for n in AUDITED_SECTIONS},
            "services": (final_url(f"{site}/{language}/services/"), 200),
            "search": (
                f"{site}/{language}/search/?q={urllib.parse.quote(SEARCHES[language])}",
                200,
            ),
            "search, no result": (f"{site}/{language}/search/?q=zqxwvkj", 200),
            "search, no words": (f"{site}/{language}/search/", 200),
            "404": (f"{site}/{language}/no-such-page/", 404),
        }
        for name in OPTIONAL_PAGES:
            url = f"{site}/{language}/{name}/"
            if status(url) == 200:
                found[name] = (url, 200)
        if status(f"{fact_sheet}print/") == 200:
            found["fact sheet, print"] = (f"{fact_sheet}print/", 200)
        assert all(url.startswith(site) for url, _ in found.values())
        result[language] = found
    return result


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


def section_number(page: Page):
    return page.locator("h1 .number")


# 1. Reading ----------------------------------------------------------------------------------


def test_reading_from_the_home_page_to_a_section_and_back(site, contexts, tmp_path):
    context, _ = contexts()
    page = context.new_page()
    main = page.locator("main")
    with screenshot_on_failure(page, tmp_path / "reading.png"):
        page.goto(f"{site}/en/")
        main.get_by_role("link", name="Violence between (ex-)partners", exact=True).click()
        expect(page.locator("h1")).to_have_text("Violence between (ex-)partners")
        fact_sheet = page.url
        page.get_by_role("navigation", name="Contents").get_by_role(
            "link", name="A.3 The cycle of violence"
        ).click()
        expect(section_number(page)).to_have_text("A.3")
        expect(page.locator("h1")).to_contain_text("The cycle of violence")
        a3 = page.url

        # The breadcrumbs lead back up: the part, the fact sheet, the home page.
        crumbs = page.get_by_role("navigation", name="Breadcrumb")
        expect(crumbs.locator("[aria-current=page]")).to_have_text("A.3 The cycle of violence")
        crumbs.get_by_role("link", name="A Recognising violence between (ex-)partners").click()
        expect(section_number(page)).to_have_text("A")
        page.go_back()
        expect(section_number(page)).to_have_text("A.3")
        crumbs.get_by_role("link", name="Violence between (ex-)partners", exact=True).click()
        expect(page).to_have_url(fact_sheet)
        page.go_back()
        crumbs.get_by_role("link", name="Violence between (ex-)partners in Brussels").click()
        expect(page).to_have_url(f"{site}/en/")

        # Previous and next follow the reading order: A.2 ← A.3 → A.4.
        page.goto(a3)
        pager = page.get_by_role("navigation", name="Previous and next sections")
        pager.locator("a[rel=prev]").click()
        expect(section_number(page)).to_have_text("A.2")
        pager.locator("a[rel=next]").click()
        expect(page).to_have_url(a3)
        pager.locator("a[rel=next]").click()
        expect(section_number(page)).to_have_text("A.4")
        expect(page.locator("h1")).to_contain_text("Consequences")


# 2. Languages --------------------------------------------------------------------------------


def test_switching_language_on_a_section_keeps_the_section(site, contexts, tmp_path):
    context, _ = contexts()
    page = context.new_page()
    switcher = page.get_by_role("navigation", name=re.compile("^(Language|Langue|Taal)$"))
    with screenshot_on_failure(page, tmp_path / "languages.png"):
        page.goto(section_url(site, "A.3", "en"))
        expect(page.locator("html")).to_have_attribute("lang", "en")
        for language, name, title in (
            ("fr", "Français", "Le cycle de la violence"),
            ("nl", "Nederlands", "De geweldcyclus"),
            ("en", "English", "The cycle of violence"),
        ):
            switcher.get_by_role("link", name=name).click()
            expect(page).to_have_url(section_url(site, "A.3", language))
            expect(page.locator("html")).to_have_attribute("lang", language)
            expect(section_number(page)).to_have_text("A.3")
            expect(page.locator("h1")).to_contain_text(title)
            expect(switcher.locator("[aria-current]")).to_have_text(name)


# 3. Search -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_searching_from_the_header(site, contexts, tmp_path, language):
    context, _ = contexts()
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / f"search-{language}.png"):
        page.goto(section_url(site, "B.1.3", language))
        box = page.locator("header").get_by_role("searchbox")
        box.fill(SEARCHES[language])
        box.press("Enter")
        expect(page).to_have_url(re.compile(re.escape(f"{site}/{language}/search/?q=")))
        expect(page.locator("html")).to_have_attribute("lang", language)
        first = page.locator(".search-result").first.get_by_role("link")
        expect(first.locator(".number")).to_have_text("A.3")
        expect(first).to_have_attribute(
            "href", urllib.parse.urlsplit(section_url(site, "A.3", language)).path
        )
        # The query stays in the page's own search box, to refine it.
        expect(page.locator("main").get_by_role("searchbox")).to_have_value(SEARCHES[language])
        first.click()
        expect(section_number(page)).to_have_text("A.3")


# 4. Quick exit -------------------------------------------------------------------------------


def exit_link(page: Page, language: str = "en"):
    return page.get_by_role("link", name=EXIT_LABEL[language], exact=True)


def assert_left_only_for(neutral: NeutralSite, site: str, log: RequestLog, exit_index: int):
    """Before the exit only the site was called; after it, only the neutral site as well."""
    before, after = log.urls[:exit_index], log.urls[exit_index:]
    assert not other_origins(before, site), f"called before the exit: {other_origins(before, site)}"
    assert not other_origins(after, site, neutral.url), other_origins(after, site, neutral.url)
    assert other_origins(after, site) and neutral.visits()


REPORT_STATE_ON_LEAVING = """() => {
    // When the navigation away starts, tell the test what the visitor sees at that moment.
    window.addEventListener("beforeunload", () => window.reportStateOnLeaving({
        blanked: document.documentElement.classList.contains("quick-exit-active"),
        bodyVisibility: getComputedStyle(document.body).visibility,
        elements: document.body.childElementCount,
        text: document.body.textContent,
        title: document.title,
        url: location.href,
    }));
}"""


def wait_until(page: Page, condition, what: str) -> None:
    """Wait (at most EXPECT_TIMEOUT_MS) for `condition()`, a state that Playwright delivers to
    this test in its callbacks (routes, exposed functions) while the test waits on the page."""
    deadline = datetime.now() + timedelta(milliseconds=EXPECT_TIMEOUT_MS)
    while not condition():
        assert datetime.now() < deadline, f"timed out waiting for {what}"
        page.wait_for_timeout(20)


def test_quick_exit_link_blanks_the_page_before_leaving(site, neutral, contexts, tmp_path):
    context, log = contexts(check_origins=False)
    page = context.new_page()
    a3 = section_url(site, "A.3", "en")
    visits = len(neutral.visits())
    states = []
    page.expose_function("reportStateOnLeaving", lambda state: states.append(state))
    with screenshot_on_failure(page, tmp_path / "quick-exit-click.png"):
        page.goto(f"{site}/en/")
        page.goto(a3)
        expect(page.locator("html")).not_to_have_class(re.compile("quick-exit-active"))
        expect(page.locator("main h1")).to_be_visible()
        page.evaluate(REPORT_STATE_ON_LEAVING)
        # Hold the neutral page's request, so that the navigation stays pending.
        held = []
        page.route(re.compile(re.escape(neutral.url)), lambda route: held.append(route))
        exit_index = len(log.urls)
        exit_link(page).click(no_wait_after=True)  # the navigation is held: do not wait for it
        wait_until(page, lambda: held and states, "the navigation to the neutral site")
        # When the navigation started, the section was already blanked: hidden, emptied and
        # untitled, while the browser still showed it.
        assert states == [
            {
                "blanked": True,
                "bodyVisibility": "hidden",
                "elements": 0,
                "text": "",
                "title": "",
                "url": a3,
            }
        ]
        assert page.url == a3 and not neutral.visits()[visits:]
        held[0].continue_()
        expect(page).to_have_url(neutral.url)
        expect(page.locator("h1")).to_have_text(NEUTRAL_TITLE)

        # location.replace: the section is gone from the history; Back goes to the page before
        # it (the rest of the history is not erased, as the footer says).
        page.go_back()
        expect(page).to_have_url(f"{site}/en/")
        assert page.url != a3
    assert_left_only_for(neutral, site, log, exit_index)
    assert len(neutral.visits()) == visits + 1
    assert "referer" not in neutral.visits()[-1], "the neutral site learnt where the visitor was"


def test_shift_three_times_leaves(site, neutral, contexts, tmp_path):
    context, log = contexts(check_origins=False)
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "quick-exit-shift.png"):
        page.goto(section_url(site, "A.3", "fr"))
        exit_index = len(log.urls)
        for _ in range(3):
            page.keyboard.press("Shift")
        expect(page).to_have_url(neutral.url)
        expect(page.locator("h1")).to_have_text(NEUTRAL_TITLE)
    assert_left_only_for(neutral, site, log, exit_index)


def count_shift_releases(page: Page) -> None:
    """Counts Shift releases in window.shiftReleases, after quick-exit.js has seen each one."""
    page.evaluate(
        """() => {
            window.shiftReleases = 0;
            document.addEventListener("keyup", (event) => {
                if (event.key === "Shift") window.shiftReleases += 1;
            });
        }"""
    )


def assert_still_on(page: Page, url: str, releases: int) -> None:
    assert page.evaluate("window.shiftReleases") == releases
    expect(page.locator("html")).not_to_have_class(re.compile("quick-exit-active"))
    expect(page.locator("main h1")).to_be_visible()
    assert page.url == url


def test_shift_twice_or_too_slowly_does_not_leave(site, neutral, contexts, tmp_path):
    context, log = contexts(check_origins=False)
    a3 = section_url(site, "A.3", "en")
    visits = len(neutral.visits())

    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "shift-twice.png"):
        page.goto(a3)
        count_shift_releases(page)
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        assert_still_on(page, a3, 2)
        # A Shift used with another key is not a press of Shift alone, and another key starts
        # the count again: capitals typed in the search box, or Shift+Tab to go back through
        # the links, never leave the page.
        page.keyboard.press("Shift+A")
        page.keyboard.press("Shift")
        assert_still_on(page, a3, 4)
        page.locator("header").get_by_role("searchbox").focus()
        for letter in "CPVCF":
            page.keyboard.press(f"Shift+{letter}")
        assert_still_on(page, a3, 9)
        expect(page.locator("header").get_by_role("searchbox")).to_have_value("CPVCF")
        for _ in range(3):
            page.keyboard.press("Shift+Tab")
        assert_still_on(page, a3, 12)
        expect(page.locator("header").get_by_role("searchbox")).not_to_be_focused()

    # quick-exit.js counts presses with Date.now(): a fake clock spreads three presses over six
    # seconds without waiting for them.
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "shift-slowly.png"):
        start = datetime(2026, 3, 2, 9, 0, 0)
        page.clock.install(time=start)
        page.goto(a3)
        page.clock.pause_at(start + timedelta(minutes=5))
        count_shift_releases(page)
        page.keyboard.press("Shift")
        page.clock.fast_forward(3_000)
        page.keyboard.press("Shift")
        page.clock.fast_forward(3_000)
        page.keyboard.press("Shift")
        assert_still_on(page, a3, 3)
        assert len(neutral.visits()) == visits

        # The window slides: a fourth press, within five seconds of the two before it, leaves.
        page.clock.fast_forward(1_000)
        exit_index = len(log.urls)
        page.keyboard.press("Shift")
        expect(page).to_have_url(neutral.url)
    assert len(neutral.visits()) == visits + 1
    assert_left_only_for(neutral, site, log, exit_index)


def test_quick_exit_without_javascript_is_a_plain_link(site, neutral, contexts, tmp_path):
    context, log = contexts(check_origins=False, java_script_enabled=False)
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "quick-exit-no-js.png"):
        page.goto(section_url(site, "A.3", "nl"))
        link = exit_link(page, "nl")
        expect(link).to_have_attribute("href", neutral.url)
        exit_index = len(log.urls)
        link.click()
        expect(page).to_have_url(neutral.url)
        expect(page.locator("h1")).to_have_text(NEUTRAL_TITLE)
    assert_left_only_for(neutral, site, log, exit_index)
    assert "referer" not in neutral.visits()[-1]


# 5. Keyboard ---------------------------------------------------------------------------------

FOCUS_STYLE = """(element) => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.backgroundColor,
            style.boxShadow].join(" | ");
}"""


def test_keyboard_only(site, contexts, tmp_path):
    context, _ = contexts()
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "keyboard.png"):
        page.goto(section_url(site, "A.3", "en"))
        focusable = "a[href], button, input, [tabindex]:not([tabindex='-1'])"
        unfocused = page.locator(focusable).evaluate_all(f"(all) => all.map({FOCUS_STYLE})")
        # The quick exit comes first, then the skip link, which moves the focus to <main>.
        page.keyboard.press("Tab")
        expect(exit_link(page)).to_be_focused()
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name=SKIP_LABEL)
        expect(skip).to_be_focused()
        expect(skip).to_be_in_viewport()
        page.keyboard.press("Enter")
        expect(page.locator("main")).to_be_focused()
        expect(page).to_have_url(re.compile("#main$"))

        # From the top, Tab reaches the search box and the language switcher; every element
        # that takes the focus shows it.
        page.goto(section_url(site, "A.3", "en"))
        reached = []
        for _ in range(25):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                f"""() => {{
                    const element = document.activeElement;
                    const all = [...document.querySelectorAll("{focusable}")];
                    return {{index: all.indexOf(element), style: ({FOCUS_STYLE})(element),
                             name: element.getAttribute("aria-label") || element.textContent
                                   || element.name || element.tagName,
                             where: element.closest("header, nav, main, footer, aside")
                                    ?.className || ""}};
                }}"""
            )
            assert focused["index"] >= 0, f"the focus went to {focused}"
            reached.append(focused)
            assert focused["style"] != unfocused[focused["index"]], (
                f"no visible focus on {focused['name']!r}: {focused['style']}"
            )
            if "language-switcher" in focused["where"]:
                break
        names = [item["name"].strip() for item in reached]
        assert names[:2] == ["Exit this page", SKIP_LABEL], names
        assert any(item["name"] == "q" for item in reached), f"no search box in {names}"
        assert reached[-1]["name"] in ("Français", "Nederlands"), names
        expect(page.get_by_role("link", name="Français")).to_be_focused()


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
        expect(exit_link(page, language)).to_have_css("background-color", "rgb(176, 0, 32)")
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
    """What the browser downloads for each page on a first visit (the browser's cache is off),
    from the sizes Chromium saw on the wire (headers and body as sent) and the decoded bodies."""
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
            assert set(kinds) <= {"document", "stylesheet", "script", "image"}, (name, kinds)
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
        if max(figures) >= MAX_PAGE_BYTES
    }
    assert not too_heavy, f"pages of {MAX_PAGE_BYTES} bytes or more: {too_heavy}"
