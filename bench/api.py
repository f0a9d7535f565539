"""Partner feed benchmark: our section list and detail against Wagtail API v2 serving the same
pages, side by side on one gunicorn server, plus the conditional-GET (304) path.

Run: make bench-api   (or: .venv/bin/python bench/api.py [--requests N])
Prints requests per second and p50/p99 latency per endpoint, and the ratios."""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(prefix: str) -> dict:
    """A scratch database and search index with the whole content; the environment to use them
    (the development database and index are never touched)."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SEARCH_INDEX_PATH": str(workdir / "search.sqlite3"),
    }
    for command in (["migrate", "--noinput", "-v0"], ["load_content", "-v0"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return time.perf_counter() - start, status, body


def start_server(env) -> tuple[str, subprocess.Popen]:
    """gunicorn (one worker) on a free port with `env`, once it answers /healthz."""
    port = free_port()
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "cms.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return base, server


def measure(url, count, headers=None, expect=200):
    fetch(url, headers)  # warm-up (caches, imports)
    timings = []
    for _ in range(count):
        elapsed, status, _body = fetch(url, headers)
        assert status == expect, (url, status)
        timings.append(elapsed)
    return summarise(timings)


def summarise(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "rps": len(timings) / sum(timings),
        "p50": statistics.median(timings) * 1000,
        "p99": timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000,
    }


def measure_after_change(url, count, section_id, env):
    """The first response after each publish of a change to the section (the publish rebuilds
    the public documents once it is committed, in the editor's process)."""
    os.environ.update(DJANGO_SETTINGS_MODULE=env["DJANGO_SETTINGS_MODULE"],
                      DATABASE_URL=env["DATABASE_URL"])  # fmt: skip
    import django

    django.setup()
    from knowledge.models import SectionPage

    section = SectionPage.objects.get(pk=section_id)
    timings = []
    for number in range(count):
        section.summary = f"{section.summary.split(' [')[0]} [{number}]"
        section.save_revision().publish()
        elapsed, status, _body = fetch(url)
        assert status == 200
        timings.append(elapsed)
    return summarise(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    env = prepare("ipvkb-bench-")
    base, server = start_server(env)
    try:
        listing = json.loads(fetch(f"{base}/api/v1/sections/?locale=en&page_size=31")[2])
        section_id = next(s["id"] for s in listing["results"] if s["number"] == "B.2.1")
        ours_list = f"{base}/api/v1/sections/?locale=en&page_size=31"
        ours_detail = f"{base}/api/v1/sections/{section_id}/"
        v2_list = f"{base}/api/v2/pages/?type=knowledge.SectionPage&locale=en&fields=*&limit=31"
        v2_detail = f"{base}/api/v2/pages/{section_id}/"
        etag = urllib.request.urlopen(ours_detail).headers["ETag"]
        results = {
            "ours list (31 sections)": measure(ours_list, args.requests),
            "API v2 list (31 pages, fields=*)": measure(v2_list, args.requests),
            "ours detail (B.2.1)": measure(ours_detail, args.requests),
            "API v2 detail (B.2.1)": measure(v2_detail, args.requests),
            "ours detail, If-None-Match (304)": measure(
                ours_detail, args.requests, {"If-None-Match": etag}, expect=304
            ),
            "floor: /healthz (HTTP round trip)": measure(f"{base}/healthz", args.requests),
            "ours detail, just changed (built)": measure_after_change(
                ours_detail, args.requests, section_id, env
            ),
            "ours list, one section just changed": measure_after_change(
                ours_list, args.requests, section_id, env
            ),
        }
    finally:
        server.terminate()
        server.wait()
    print(f"{'endpoint':38} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, r in results.items():
        print(f"{name:38} {r['rps']:8.1f} {r['p50']:8.2f} {r['p99']:8.2f}")
    ours, v2 = results["ours list (31 sections)"], results["API v2 list (31 pages, fields=*)"]
    print(f"list throughput, ours / API v2:   {ours['rps'] / v2['rps']:.2f}x")
    ours_d, v2_d = results["ours detail (B.2.1)"], results["API v2 detail (B.2.1)"]
    print(f"detail throughput, ours / API v2: {ours_d['rps'] / v2_d['rps']:.2f}x")
    not_modified = results["ours detail, If-None-Match (304)"]
    print(f"304 vs full detail:               {not_modified['rps'] / ours_d['rps']:.2f}x")
    built = results["ours detail, just changed (built)"]
    print(f"304 vs detail built after a change: {not_modified['rps'] / built['rps']:.2f}x")
    floor = results["floor: /healthz (HTTP round trip)"]["p50"]
    print(
        f"above the round-trip floor (p50): 304 {not_modified['p50'] - floor:.2f} ms, "
        f"full detail {ours_d['p50'] - floor:.2f} ms "
        f"({(ours_d['p50'] - floor) / max(not_modified['p50'] - floor, 0.01):.1f}x)"
    )


if __name__ == "__main__":
    main()
