"""A partner's copy of the feed stays exact, whatever editors do, on the stack production runs:
gunicorn with two workers on PostgreSQL, a shared Redis cache, Varnish in front (purged by the
site), an editor's process beside them, and a freshly started server to compare with.

Hypothesis draws sequences of editors' operations (tests/served/editing.py); after each one,
the partner syncs incrementally through Varnish and its copy must equal a full sync from the
running server and from a new one, equal bodies must carry equal ETags, and nothing removed may
still come out of the proxy."""

import json
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests.browser import ROOT, free_port, server_env, start_server, stop_server
from tests.partner import (
    API,
    LANGUAGES,
    LISTS,
    differences,
    full_state,
    incremental_sync,
    latest_cursor,
)
from tests.served.editing import OPERATIONS
from tests.stack import postgres_database, postgresql_pass_only, redis_env, start_varnish

EXACT = {"missing": [], "extra": [], "stale": {}}
# Its stack is PostgreSQL whichever database the suite runs on: the same run in both passes of
# CI would only cost time, so it runs in the PostgreSQL pass (DATABASE_URL).
pytestmark = postgresql_pass_only("its stack is PostgreSQL in either pass")

SETUP = (
    ("migrate", "--noinput"),
    ("load_content",),
    ("rebuild_search_index",),
    ("collectstatic", "--noinput"),
)


class Editor:
    """The editor's process (tests/served/editing.py) on the site's database."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.served.editing"], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )  # fmt: skip

    def run(self, op: str, pick: int) -> str:
        self.process.stdin.write(json.dumps({"op": op, "pick": pick}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the editor's process stopped during {op}"
        return json.loads(line)["done"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@dataclass
class Stack:
    server: str  # gunicorn, two workers
    proxy: str  # Varnish in front of it
    scratch: Path
    env: dict
    editor: Editor

    def fresh_server(self) -> tuple[str, subprocess.Popen]:
        """A new gunicorn on the same database and cache, as after a deployment."""
        return start_server(self.scratch / "fresh", extra_env=self.env, setup=(), workers=1)


def client(base: str, host: str):
    """GET on `base` as if addressed to `host` (the proxy's, which it passes on): every server
    then writes the same absolute URLs. Absolute URLs (the feed's api_url) go to `base` too."""
    session = requests.Session()
    session.headers["Host"] = host

    def get(url, params=None, redirects=True):
        path = urllib.parse.urlsplit(url)._replace(scheme="", netloc="").geturl()
        return session.get(
            urllib.parse.urljoin(base, path), params=params, timeout=30,
            allow_redirects=redirects,
        )  # fmt: skip

    return get


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("partner")
    with postgres_database() as database_url:
        proxy_port = free_port()
        env = {
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(scratch / "static"),
            "SEARCH_INDEX_PATH": str(scratch / "search.sqlite3"),
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{proxy_port}",
            **redis_env(),
        }
        server, process = start_server(scratch, extra_env=env, setup=SETUP, workers=2)
        varnish = start_varnish(scratch, proxy_port, urllib.parse.urlsplit(server).port)
        editor = Editor(server_env(scratch, extra_env=env))
        yield Stack(server, f"http://127.0.0.1:{proxy_port}", scratch, env, editor)
        editor.stop()
        varnish.terminate()
        varnish.wait(timeout=10)
        stop_server(process)


def list_responses(get) -> dict:
    """Every list page's body and ETag, by URL."""
    pages = {}
    for code in LANGUAGES:
        for kind in LISTS:
            url = f"{API}/{kind}/?locale={code}&page_size=100"
            response = get(url)
            pages[url] = (response.json(), response.headers["ETag"])
    return pages


def same_bodies_same_etags(ours: dict, theirs: dict) -> list[str]:
    """URLs whose bodies are equal but ETags differ, or ETags equal but bodies differ."""
    return [
        url
        for url, (body, etag) in ours.items()
        if (body == theirs[url][0]) != (etag == theirs[url][1])
    ]


def test_a_partners_copy_is_always_exact(stack):
    host = urllib.parse.urlsplit(stack.proxy).netloc
    proxy, server = client(stack.proxy, host), client(stack.server, host)

    class PartnerSync(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.copy = full_state(proxy)
            self.cursor = latest_cursor(proxy)
            self.done = []

        @rule(op=st.sampled_from(OPERATIONS), pick=st.integers(0, 10_000))
        def edit(self, op, pick):
            self.done.append(stack.editor.run(op, pick))

        @invariant()
        def the_copy_is_exact(self):
            before, pages = self.cursor, {key: item.get("url") for key, item in self.copy.items()}
            self.cursor = incremental_sync(proxy, self.copy, self.cursor)
            running = full_state(server)
            assert differences(self.copy, running) == EXACT, self.done
            fresh_url, fresh_process = stack.fresh_server()
            try:
                fresh = client(fresh_url, host)
                assert differences(full_state(fresh), running) == EXACT, self.done
                mismatched = same_bodies_same_etags(list_responses(server), list_responses(fresh))
                assert mismatched == [], self.done
            finally:
                stop_server(fresh_process)
            self.nothing_removed_comes_out_of_the_proxy(before, pages)

        def nothing_removed_comes_out_of_the_proxy(self, since, pages):
            """Neither the feed URL nor the public page of an item removed since `since` (a
            private page answers a redirect to sign in, an unpublished one 404)."""
            changes = proxy(f"{API}/changes/", {"since": since, "limit": 1000}).json()["results"]
            for change in changes:
                if change["action"] in ("unpublished", "deleted"):
                    assert proxy(change["api_url"]).status_code in (404, 410), change
                    page = pages.get((change["type"], change["id"]))
                    if page and not self.copy.get((change["type"], change["id"])):
                        assert proxy(page, redirects=False).status_code != 200, change

    run_state_machine_as_test(
        PartnerSync,
        settings=settings(
            max_examples=2,
            stateful_step_count=5,
            deadline=None,
            derandomize=True,
            # The site is state outside Hypothesis: a failing sequence is reported as it ran,
            # not shrunk (replaying it on a changed database would not be the same sequence).
            phases=[Phase.explicit, Phase.generate],
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
