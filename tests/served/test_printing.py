"""What comes out on paper, in Chromium with print styles: each address printed once, no exit
hint and no open/closed state; the exit control stays on screen."""

import pytest

from tests.browser import LANGUAGES, requires_chromium, screenshot_on_failure

pytestmark = requires_chromium

# For each link in <main> whose address print styles would show: its text, its address, and
# what is printed after it; and whether the exit hint is printed.
PRINTED = """() => ({
  links: [...document.querySelectorAll('main a[href^="http"]')].map(a => ({
    text: a.textContent.trim(),
    href: a.getAttribute("href"),
    after: getComputedStyle(a, "::after").content,
  })),
  exitHint: getComputedStyle(document.querySelector(".exit-hint")).display,
  text: document.body.innerText,
})"""

STATES = {
    "en": ("Open now", "Closed now"),
    "fr": ("Ouvert en ce moment", "Fermé en ce moment"),
    "nl": ("Nu open", "Nu gesloten"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printed_sheet_shows_each_address_once(page_types, contexts, tmp_path, language):
    context, _ = contexts()
    page = context.new_page()
    with screenshot_on_failure(page, tmp_path / f"print-{language}.png"):
        page.goto(page_types[language]["printable sheet"][0])
        assert page.locator(".quick-exit").is_visible()  # on screen, the way out
        page.emulate_media(media="print")
        printed = page.evaluate(PRINTED)
    shown = [link for link in printed["links"] if link["text"] == link["href"]]
    assert len(shown) >= 3  # the sources and further reading
    assert all(link["after"] == "none" for link in shown), shown
    # A link that shows a name (a service's website shows its host name) prints its address
    # after it, once.
    named = [link for link in printed["links"] if link["text"] != link["href"]]
    assert named
    assert all(link["href"] in link["after"] for link in named), named
    assert printed["exitHint"] == "none"
    assert not any(state in printed["text"] for state in STATES[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_printed_from_the_browser_has_no_open_or_closed_state(
    page_types, contexts, language
):
    context, _ = contexts()
    page = context.new_page()
    page.goto(page_types[language]["service directory"][0])
    text = page.evaluate("() => document.body.innerText")
    assert any(state in text for state in STATES[language])  # on screen, the live state
    page.emulate_media(media="print")
    text = page.evaluate("() => document.body.innerText")
    assert not any(state in text for state in STATES[language])
