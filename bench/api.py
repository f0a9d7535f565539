"""Partner feed benchmark, as production runs it: gunicorn with the production configuration
and two workers, Redis as the shared cache, Varnish in front. Side by side in one run:

- our section list and detail against Wagtail API v2 serving the same pages with the same
  fields (number, summary, body: bench/urls.py declares them for v2), in interleaved rounds;
- a 304 (If-None-Match) against a 200 of the same detail;
- seconds from an editor's publish to the change in /changes/ and the new body, both read
  through Varnish (the publish purges it).

Run: make bench-api   (or: .venv/bin/python bench/api.py [--requests N]); needs Redis at
127.0.0.1:6379 and Varnish (make proxy). Prints req/s and p50/p99 per endpoint, and ratios."""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import free_port, server_env, start_server, stop_server  # noqa: E402
from tests.stack import redis_env, start_varnish  # noqa: E402

SETUP = (
    ("migrate", "--noinput"),
    ("load_content",),
    ("rebuild_search_index",),
    ("collectstatic", "--noinput"),
)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return time.perf_counter() - start, status, body


def summarise(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "rps": len(timings) / sum(timings),
        "p50": statistics.median(timings) * 1000,
        "p99": timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000,
    }


def interleaved(cases: dict, rounds: int) -> dict:
    """Each case's timings, one request of every case per round (so load affects all alike)."""
    timings = {name: [] for name in cases}
    for url, headers, _expect in cases.values():
        fetch(url, headers)  # warm-up
    for _ in range(rounds):
        for name, (url, headers, expect) in cases.items():
            elapsed, status, _body = fetch(url, headers)
            assert status == expect, (name, status)
            timings[name].append(elapsed)
    return {name: summarise(values) for name, values in timings.items()}


def latest_cursor(base: str) -> int:
    data = {"has_more": True, "next_cursor": 0}
    while data["has_more"]:
        url = f"{base}/api/v1/changes/?since={data['next_cursor']}&limit=1000"
        data = json.loads(fetch(url)[2])
    return data["next_cursor"]


def publish_to_visible(proxy: str, section_id: int, env: dict, count: int) -> list[float]:
    """Seconds from a publish (in an editor's process) to both the change in /changes/ and the
    new summary in the detail, read through the proxy."""
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL",
                       "PYTHONPATH", "REDIS_URL", "CACHE_KEY_PREFIX", "SEARCH_INDEX_PATH",
                       "FRONTEND_CACHE_PURGE_URL", "SECRET_KEY", "ALLOWED_HOSTS")})  # fmt: skip
    sys.path.insert(0, env["PYTHONPATH"].split(os.pathsep)[0])
    import django

    django.setup()
    from knowledge.models import SectionPage

    detail = f"{proxy}/api/v1/sections/{section_id}/"
    fetch(detail)  # cached by the proxy
    seconds = []
    for number in range(count):
        cursor = latest_cursor(proxy)
        page = SectionPage.objects.get(pk=section_id)
        page.summary = f"{page.summary.split(' [')[0]} [{number}]"
        start = time.perf_counter()
        page.save_revision().publish()
        while time.perf_counter() - start < 60:
            changes = json.loads(fetch(f"{proxy}/api/v1/changes/?since={cursor}")[2])["results"]
            body = json.loads(fetch(detail)[2])["data"]["summary"]
            if any(c["id"] == section_id for c in changes) and body == page.summary:
                break
            time.sleep(0.01)
        else:
            raise RuntimeError("the change was not visible through the proxy within 60 s")
        seconds.append(time.perf_counter() - start)
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--publishes", type=int, default=10)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="ipvkb-bench-"))
    proxy_port = free_port()
    extra = {
        **redis_env(),
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{proxy_port}",
        "STATIC_ROOT": str(scratch / "static"),
    }
    base, server = start_server(scratch, "bench.settings", extra, SETUP, workers=2)
    varnish = start_varnish(scratch, proxy_port, urllib.parse.urlsplit(base).port)
    proxy = f"http://127.0.0.1:{proxy_port}"
    try:
        listing = json.loads(fetch(f"{base}/api/v1/sections/?locale=en&page_size=31")[2])
        section_id = next(s["id"] for s in listing["results"] if s["number"] == "B.2.1")
        ours_detail = f"{base}/api/v1/sections/{section_id}/"
        etag = urllib.request.urlopen(ours_detail).headers["ETag"]
        fields = "number,summary,body"
        results = interleaved(
            {
                "ours list (31 sections)": (
                    f"{base}/api/v1/sections/?locale=en&page_size=31",
                    None,
                    200,
                ),
                "API v2 list (31 pages, same fields)": (
                    f"{base}/api/v2/pages/?type=knowledge.SectionPage&locale=en"
                    f"&fields={fields}&limit=31",
                    None,
                    200,
                ),
                "ours detail (B.2.1)": (ours_detail, None, 200),
                "API v2 detail (B.2.1)": (f"{base}/api/v2/pages/{section_id}/", None, 200),
                "ours detail, If-None-Match (304)": (ours_detail, {"If-None-Match": etag}, 304),
                "floor: /healthz": (f"{base}/healthz", None, 200),
            },  # fmt: skip
            args.requests,
        )
        visible = publish_to_visible(proxy, section_id, server_env(scratch, "bench.settings",
                                     extra), args.publishes)  # fmt: skip
    finally:
        varnish.terminate()
        stop_server(server)
    print(f"gunicorn, 2 workers, Redis cache, SQLite; {args.requests} interleaved rounds")
    print(f"{'endpoint':38} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, r in results.items():
        print(f"{name:38} {r['rps']:8.1f} {r['p50']:8.2f} {r['p99']:8.2f}")
    ours, v2 = results["ours list (31 sections)"], results["API v2 list (31 pages, same fields)"]
    print(f"list throughput, ours / API v2:    {ours['rps'] / v2['rps']:.2f}x")
    ours_d, v2_d = results["ours detail (B.2.1)"], results["API v2 detail (B.2.1)"]
    print(f"detail throughput, ours / API v2:  {ours_d['rps'] / v2_d['rps']:.2f}x")
    not_modified = results["ours detail, If-None-Match (304)"]
    print(f"304 / 200 of the same detail:      {not_modified['rps'] / ours_d['rps']:.2f}x")
    print(
        f"publish -> visible through Varnish (/changes/ and the new body), {len(visible)} "
        f"publishes: median {statistics.median(visible):.2f} s, max {max(visible):.2f} s"
    )


if __name__ == "__main__":
    main()
