"""End to end, in a real browser against the served site: the public site as a visitor reads it.

Reading (home → fact sheet → section, breadcrumbs, previous/next), switching language on a
section, searching from the header, keyboard-only use."""

import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from tests.browser import (
    LANGUAGES,
    exit_link,
    requires_chromium,
    screenshot_on_failure,
    section_url,
)
from tests.paths import site_path

pytestmark = requires_chromium


SKIP_LABEL = "Skip to main content"

SEARCHES = {"en": "cycle of violence", "fr": "cycle de la violence", "nl": "geweldcyclus"}


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

        # The breadcrumbs lead back up: the part, the fact sheet, the home page (the page itself
        # is not among them: its title follows).
        crumbs = page.get_by_role("navigation", name="Breadcrumb")
        expect(crumbs.get_by_role("link")).to_have_count(3)
        expect(crumbs).not_to_contain_text("A.3")
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
        expect(page).to_have_url(re.compile(re.escape(f"{site}{site_path('search', language)}?q=")))
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
