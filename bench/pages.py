"""Public pages benchmark: server time per page type on one gunicorn server (production-like
settings, SQLite), against the HTTP round-trip floor (/healthz) measured in the same run, and
each page's weight (HTML, plus the CSS and JavaScript every page loads).

Run: make bench-pages   (or: .venv/bin/python -m bench.pages [--requests N])"""

import argparse
import json
import re
import tempfile
import urllib.parse
from pathlib import Path

from bench.api import fetch, summarise
from tests.browser import start_server, stop_server

STATIC = re.compile(r'(?:href|src)="(/static/[^"]+)"')
PAGES = {
    "home": "/en/",
    "fact sheet (contents)": "/en/violence-between-ex-partners/",
    "section with blocks (A.3)": "A.3",
    "section with service cards (B.2.1)": "B.2.1",
    "service directory": "/en/services/",
    "search results": "/en/search/?q=cycle+of+violence",
    "staying safe online": "/en/staying-safe/",
    "404": "/en/no-such-page/",
    "whole sheet to print (not a budget page)": "/en/violence-between-ex-partners/print/",
}


def section_path(base: str, number: str) -> str:
    listing = json.loads(fetch(f"{base}/api/v1/sections/?locale=en&number={number}")[2])
    return urllib.parse.urlparse(listing["results"][0]["url"]).path


def measure(url: str, requests: int, expect: int = 200) -> dict:
    """Timings of `requests` GETs of `url`, after one to warm up."""
    fetch(url)
    timings = []
    for _ in range(requests):
        elapsed, status, _body = fetch(url)
        assert status == expect, (url, status)
        timings.append(elapsed)
    return summarise(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="ipvkb-bench-pages-"))
    base, server = start_server(scratch, workers=1)
    try:
        floor = measure(f"{base}/healthz", args.requests)
        rows = []
        for name, path in PAGES.items():
            path = section_path(base, path) if not path.startswith("/") else path
            expect = 404 if name == "404" else 200
            timings = measure(base + path, args.requests, expect=expect)
            html = fetch(base + path)[2]
            assets = sum(len(fetch(base + ref)[2]) for ref in set(STATIC.findall(html.decode())))
            rows.append((name, timings, len(html), assets))
    finally:
        stop_server(server)
    print(f"{'page':42} {'p50 ms':>7} {'p99 ms':>7} {'above floor':>11} {'HTML KB':>8}", end="")
    print(f" {'+CSS/JS':>8}")
    print(f"{'floor: /healthz (HTTP round trip)':42} {floor['p50']:7.2f} {floor['p99']:7.2f}")
    for name, t, html, assets in rows:
        print(
            f"{name:42} {t['p50']:7.2f} {t['p99']:7.2f} {t['p50'] - floor['p50']:9.2f}ms"
            f" {html / 1024:8.1f} {(html + assets) / 1024:8.1f}"
        )


if __name__ == "__main__":
    main()
