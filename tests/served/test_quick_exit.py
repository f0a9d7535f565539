"""End to end, in a real browser against the served site: the quick exit.

The link, Shift three times, without JavaScript, never back to the site. The neutral site it
leads to is a tiny local HTTP server (tests/served/conftest.py), so no internet is needed:
no request may leave for another origin, except to the neutral site once the visitor has
left."""

import re
from datetime import datetime, timedelta

from playwright.sync_api import Page, expect

from tests.browser import (
    EXPECT_TIMEOUT_MS,
    NEUTRAL_TITLE,
    NeutralSite,
    RequestLog,
    exit_link,
    other_origins,
    requires_chromium,
    screenshot_on_failure,
    section_url,
)

pytestmark = requires_chromium


# 4. Quick exit -------------------------------------------------------------------------------


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
    """Counts Shift releases in window.shiftReleases, after Exit this page has seen each one
    (it listens in the capture phase)."""
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

    # GOV.UK's Exit this page forgets the count five seconds after the last press (a timer): a
    # fake clock spaces the presses without waiting for them.
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / "shift-slowly.png"):
        start = datetime(2026, 3, 2, 9, 0, 0)
        page.clock.install(time=start)
        page.goto(a3)
        page.clock.pause_at(start + timedelta(minutes=5))
        count_shift_releases(page)
        page.keyboard.press("Shift")
        page.clock.fast_forward(6_000)
        page.keyboard.press("Shift")
        page.clock.fast_forward(6_000)
        page.keyboard.press("Shift")
        assert_still_on(page, a3, 3)
        assert len(neutral.visits()) == visits

        # Two more presses, each within five seconds of the one before it, make three: it leaves.
        page.clock.fast_forward(4_000)
        page.keyboard.press("Shift")
        page.clock.fast_forward(4_000)
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
