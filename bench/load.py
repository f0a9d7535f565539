"""Load benchmark: 32 concurrent clients for 60 s against gunicorn as production runs it
(production settings, two workers, Redis as the shared cache; PostgreSQL when it is reachable at
127.0.0.1:5432, else SQLite), on the demo content, with a mix of what the public and partners ask:
the home page, section pages in English, French and Dutch, searches, the feed's lists and
details, the change log, the Atom feed (plain and revalidated, as feed readers poll), HSDS
services and /healthz.

Every client is a thread with a request loop on the loopback, until the time is up. Prints the
count, errors and latency (median, p95, p99) per kind of URL, and req/s overall; exits non-zero
if any request failed (a status other than 2xx/3xx, or no response).

Run: make bench-load   (or: .venv/bin/python -m bench.load [--clients N] [--seconds S])."""

import argparse
import contextlib
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

from bench.api import fetch
from tests.browser import LANGUAGES, SETUP_COMMANDS, start_server, stop_server
from tests.stack import POSTGRES_URL, REDIS_URL, postgres_database, reachable, redis_env

# The server's set-up but the editors' roles (no client signs in).
SETUP = tuple(command for command in SETUP_COMMANDS if command != ("setup_roles",))
SEARCHES = {
    "en": ("cycle of violence", "protection order", "shelter", "children"),
    "fr": ("cycle de la violence", "plainte", "hébergement", "enfants"),
    "nl": ("geweldscyclus", "klacht", "opvang", "kinderen"),
}
# Kinds of URL and how often each is asked, out of the weights' sum.
WEIGHTS = {
    "home page": 12,
    "section page": 24,
    "search page": 10,
    "api sections list": 8,
    "api section detail": 10,
    "api changes": 8,
    "atom feed": 8,
    "atom feed (If-None-Match)": 8,
    "hsds services": 6,
    "healthz": 6,
}


def targets(base: str) -> dict[str, list[tuple[str, dict]]]:
    """Per kind, the (URL, headers) the clients choose from, read from the running site."""
    sections, details = [], []
    for language in LANGUAGES:
        listing = json.loads(fetch(f"{base}/api/v1/sections/?locale={language}&page_size=100")[2])
        sections += [(s["url"], {}) for s in listing["results"]]
        details += [(f"{base}/api/v1/sections/{s['id']}/", {}) for s in listing["results"]]
    atoms = [f"{base}/api/v1/changes/{language}.atom" for language in LANGUAGES]
    etags = [urllib.request.urlopen(url, timeout=30).headers["ETag"] for url in atoms]
    searches = [
        (f"{base}/{language}/search/?{urllib.parse.urlencode({'q': query})}", {})
        for language, queries in SEARCHES.items()
        for query in queries
    ]
    return {
        "home page": [(f"{base}/{language}/", {}) for language in LANGUAGES],
        "section page": sections,
        "search page": searches,
        "api sections list": [
            (f"{base}/api/v1/sections/?locale={language}", {}) for language in LANGUAGES
        ],
        "api section detail": details,
        "api changes": [(f"{base}/api/v1/changes/", {})],
        "atom feed": [(url, {}) for url in atoms],
        "atom feed (If-None-Match)": [
            (url, {"If-None-Match": etag}) for url, etag in zip(atoms, etags, strict=True)
        ],
        "hsds services": [(f"{base}/api/hsds/services", {})],
        "healthz": [(f"{base}/healthz", {})],
    }


def client(number: int, urls: dict, deadline: float, results: list) -> None:
    """One client: a request at a time until `deadline`; appends (kind, seconds, error)."""
    choose = random.Random(number)
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    while time.monotonic() < deadline:
        kind = choose.choices(kinds, weights)[0]
        url, headers = choose.choice(urls[kind])
        start = time.perf_counter()
        try:
            elapsed, status, _body = fetch(url, headers)
            error = None if 200 <= status < 400 else f"{status} {url}"
        except OSError as failure:  # no response: refused, reset, timed out
            elapsed, error = time.perf_counter() - start, f"{failure!r} {url}"
        results.append((kind, elapsed, error))


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def report(results: list, seconds: float, setting: str) -> int:
    """Prints the table; returns the number of errors."""
    by_kind = defaultdict(list)
    for kind, elapsed, error in results:
        by_kind[kind].append((elapsed, error))
    print(setting)
    print(f"{'URL kind':28} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7}", end="")
    print(f" {'p95 ms':>7} {'p99 ms':>7}")
    rows = [(kind, by_kind[kind]) for kind in WEIGHTS if kind in by_kind]
    for kind, values in [*rows, ("all", [(e, x) for _k, e, x in results])]:
        timings = sorted(e * 1000 for e, _x in values)
        errors = sum(1 for _e, x in values if x)
        print(
            f"{kind:28} {len(values):8} {errors:6} {len(values) / seconds:7.1f}"
            f" {statistics.median(timings):7.1f} {percentile(timings, 0.95):7.1f}"
            f" {percentile(timings, 0.99):7.1f}"
        )
    failures = [x for _k, _e, x in results if x]
    for failure in failures[:10]:
        print("error:", failure)
    return len(failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    if not reachable(REDIS_URL):
        sys.exit(f"Redis is not reachable at {REDIS_URL} (TEST_REDIS_URL); the bench needs it.")
    postgres = reachable(POSTGRES_URL)
    scratch = Path(tempfile.mkdtemp(prefix="ipvkb-bench-load-"))
    with postgres_database() if postgres else contextlib.nullcontext() as database:
        extra = {**redis_env(), **({"DATABASE_URL": database} if database else {})}
        base, server = start_server(scratch, extra_env=extra, setup=SETUP, workers=2)
        try:
            urls = targets(base)
            results: list = []
            deadline = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=client, args=(n, urls, deadline, results))
                for n in range(args.clients)
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            stop_server(server)
    setting = (
        f"{args.clients} clients for {elapsed:.0f} s; gunicorn (production settings, 2 workers"
        f" x 4 threads), Redis cache, {'PostgreSQL' if postgres else 'SQLite'}; demo content"
    )
    sys.exit(1 if report(results, elapsed, setting) else 0)


if __name__ == "__main__":
    main()
