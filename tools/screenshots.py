"""Screenshots of the main page types, the first screen a visitor sees, at phone width (390 px,
emulated as a phone) and desktop width (1280 px), into docs/screenshots/<page>-<lang>-<width>.png.

Against a site of its own (gunicorn, the production settings, a scratch database set up as
`make run` sets up its own: migrate, load_content, rebuild_search_index, setup_roles), or
against a running site with --url.

Run: make screenshots   (or: .venv/bin/python -m tools.screenshots [--url URL] [--out DIR])"""

import argparse
import tempfile
from pathlib import Path

from tests.browser import (
    CHROMIUM,
    ROOT,
    final_url,
    launch_chromium,
    section_url,
    start_server,
    stop_server,
)

SCREENS = {390: 844, 1280: 800}
PHONE = {"is_mobile": True, "has_touch": True}


def pages(base: str) -> dict[str, str]:
    """File stem → URL: the main page types in English, the home page in every language."""
    return {
        "home-en": f"{base}/en/",
        "home-fr": f"{base}/fr/",
        "home-nl": f"{base}/nl/",
        "section-with-services-en": section_url(base, "B.2.2", "en"),
        "search-results-en": f"{base}/en/search/?q=cycle+of+violence",
        "search-danger-en": f"{base}/en/search/?q=he+will+kill+me",
        "search-no-results-en": f"{base}/en/search/?q=zqxwvkj",
        "service-directory-en": final_url(f"{base}/en/services/"),
        "404-en": f"{base}/en/no-such-page/",
    }


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for width, height in SCREENS.items():
            options = PHONE if width < 1000 else {}
            context = browser.new_context(viewport={"width": width, "height": height}, **options)
            page = context.new_page()
            for stem, url in pages(base).items():
                page.goto(url, wait_until="networkidle")
                path = out / f"{stem}-{width}.png"
                page.screenshot(path=str(path))
                written.append(path)
            context.close()
        browser.close()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running site, e.g. http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium is missing ({CHROMIUM}): `make browser` installs it")
    if args.url:
        written = shoot(args.url.rstrip("/"), args.out)
    else:
        base, server = start_server(Path(tempfile.mkdtemp(prefix="ipvkb-screenshots-")))
        try:
            written = shoot(base, args.out)
        finally:
            stop_server(server)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
