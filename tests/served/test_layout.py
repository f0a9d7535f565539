"""End to end, in a real browser against the served site: the layout a visitor gets on a phone
and at a desk, on every page type in every language.

At 320, 360 and 390 px (phones, emulated as phones: a mobile viewport that grows when content
is wider than the screen) and at 1280 px: the exit stays on screen at the top, the middle and
the bottom of the page and after the skip link, and the focused <main> is not hidden under it;
nothing is wider than the screen; 112 is a call control of at least 44×44 px; the title starts
on the first screen. One test per width collects every failure into one message."""

import time

import pytest

from tests.browser import LANGUAGES, MIN_TARGET, SCREENS, requires_chromium, screen_options
from tests.stack import sqlite_pass_only

# What a page looks like does not depend on the database: checked in CI's SQLite pass.
pytestmark = [requires_chromium, sqlite_pass_only("the layout is the same on PostgreSQL")]

# The boxes that matter, in screen coordinates: relative to the visual viewport, which is the
# screen, while getBoundingClientRect() is relative to the layout viewport, which a phone
# enlarges when something is wider than the screen.
MEASURE = """() => {
    const view = window.visualViewport;
    const box = (element) => {
        if (!element) return null;
        const r = element.getBoundingClientRect();
        return {left: r.left - view.offsetLeft, top: r.top - view.offsetTop,
                right: r.right - view.offsetLeft, bottom: r.bottom - view.offsetTop,
                width: r.width, height: r.height};
    };
    return {
        exit: box(document.querySelector("[data-quick-exit]")),
        call: box(document.querySelector(".safety-call, a[href='tel:112']")),
        h1: box(document.querySelector("h1")),
        focused: box(document.activeElement === document.body ? null : document.activeElement),
        focusedIsMain: document.activeElement?.id === "main",
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        screen: {width: view.width, height: view.height, scale: view.scale},
        scrollY: window.scrollY,
    };
}"""

SCROLL_TO = """(where) => {
    const bottom = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo({top: {top: 0, middle: bottom / 2, bottom}[where], behavior: "instant"});
}"""

# What wider than the screen is, to name it in the failure: the deepest elements that stick out.
TOO_WIDE = """(width) => [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > width + 0.5
                   && ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5))
    .slice(0, 3)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`
                + ` (right ${Math.round(e.getBoundingClientRect().right)} px)`)"""


def fmt(box: dict | None) -> str:
    if box is None:
        return "missing"
    return "x {left:.0f}–{right:.0f}, y {top:.0f}–{bottom:.0f} ({width:.0f}×{height:.0f})".format(
        **box
    )


def off_screen(box: dict | None, width: int, height: int) -> bool:
    return box is None or (
        box["left"] < -0.5
        or box["top"] < -0.5
        or box["right"] > width + 0.5
        or box["bottom"] > height + 0.5
    )


def check_page(page, url: str, expected_status: int, width: int, height: int) -> list[str]:
    """What is wrong with the layout of one page at one screen size (empty when nothing is)."""
    response = page.goto(url)
    if response.status != expected_status:
        return [f"answered {response.status}, not {expected_status}"]
    problems = []
    for where in ("top", "middle", "bottom"):
        page.evaluate(SCROLL_TO, where)
        seen = page.evaluate(MEASURE)
        if off_screen(seen["exit"], width, height):
            problems.append(f"exit off screen at the {where} (scrollY {seen['scrollY']:.0f}): "
                            f"{fmt(seen['exit'])}")  # fmt: skip
        if where == "top":
            top = seen
    if top["scrollWidth"] > width or top["innerWidth"] > width:
        too_wide = ", ".join(page.evaluate(TOO_WIDE, width)) or "?"
        problems.append(f"wider than the screen: scrollWidth {top['scrollWidth']} px, "
                        f"innerWidth {top['innerWidth']} px > {width} px: {too_wide}")  # fmt: skip
    call = top["call"]
    if call is None or call["width"] < MIN_TARGET or call["height"] < MIN_TARGET:
        problems.append(f"112 control smaller than {MIN_TARGET}×{MIN_TARGET} px: {fmt(call)}")
    if top["h1"] is None or top["h1"]["top"] >= height:
        problems.append(f"h1 not on the first screen ({height} px high): {fmt(top['h1'])}")

    page.evaluate(SCROLL_TO, "top")
    page.locator(".govuk-skip-link").focus()
    page.keyboard.press("Enter")
    seen = page.evaluate(MEASURE)
    if off_screen(seen["exit"], width, height):
        problems.append(f"exit off screen after the skip link: {fmt(seen['exit'])}")
    if not seen["focusedIsMain"]:
        problems.append("the skip link did not move the focus to <main>")
    elif seen["exit"] and seen["focused"]["top"] < seen["exit"]["bottom"] - 0.5:
        problems.append(f"after the skip link, <main> starts under the exit: main "
                        f"{fmt(seen['focused'])}, exit {fmt(seen['exit'])}")  # fmt: skip
    return problems


@pytest.mark.parametrize("width", SCREENS)
def test_layout_at_each_width(width, page_types, private_section, site, contexts):
    height = SCREENS[width]
    context, _ = contexts(**screen_options(width))
    page = context.new_page()
    started = time.monotonic()
    failures, checked = [], 0
    for language in LANGUAGES:
        pages = {
            **page_types[language],
            "password page": (site + private_section.paths[language], 200),
        }
        for name, (url, expected_status) in pages.items():
            checked += 1
            for problem in check_page(page, url, expected_status, width, height):
                failures.append(f"{language} {name} at {width}×{height}: {problem}\n    {url}")
    print(f"\n{checked} pages at {width}×{height} in {time.monotonic() - started:.1f} s, "
          f"{len(failures)} failures")  # fmt: skip
    assert not failures, f"{len(failures)} layout failures:\n" + "\n".join(failures)
