"""One site served as production serves it, shared by every server and browser suite: gunicorn
with the production settings and gunicorn configuration and two workers sharing a Redis cache
(when Redis is reachable), on a database of its own (SQLite, or PostgreSQL when the suite runs
on it) with the content, the search index, the
roles, one editor and one reviewer. Its quick exit leads to a neutral site on another local
port."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import (
    EDITOR,
    REVIEWER,
    NeutralSite,
    RequestLog,
    scratch_database,
    server_env,
    start_server,
    stop_server,
)
from tests.stack import REDIS_URL, reachable, redis_env


@dataclass(frozen=True)
class Served:
    url: str
    access_log: Path
    env: dict  # the server's environment, for management commands on its database


@pytest.fixture(scope="session")
def neutral():
    site = NeutralSite()
    site.thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="session")
def served(tmp_path_factory, neutral) -> Served:
    scratch = tmp_path_factory.mktemp("served")
    with scratch_database(scratch) as database_url:
        env = {"QUICK_EXIT_URL": neutral.url, "DATABASE_URL": database_url}
        if reachable(REDIS_URL):  # as production: one cache for both workers
            env.update(redis_env())
        url, process = start_server(scratch, extra_env=env, users=[EDITOR, REVIEWER])
        yield Served(url, scratch / "access.log", server_env(scratch, extra_env=env))
        stop_server(process)


@pytest.fixture(scope="session")
def site(served) -> str:
    """The served site's base URL, http://127.0.0.1:<port>."""
    return served.url


@pytest.fixture
def contexts(browser, site):
    """new(**options) → (context, RequestLog); after the test, every context is closed and none
    may have called another origin (tests that leave for the neutral site check their own)."""
    opened = []

    def new(check_origins=True, **options):
        context = browser.new_context(**options)
        log = RequestLog(context)
        opened.append((context, log, check_origins))
        return context, log

    yield new
    for context, _, _ in opened:
        context.close()
    for _, log, check_origins in opened:
        assert log.urls, "the browser made no request"
        if check_origins:
            assert not log.elsewhere(site), f"requests to other origins: {log.elsewhere(site)}"
