"""A stalled or lost database, as production meets it: gunicorn (production settings, two
workers, persistent connections with health checks) reaching PostgreSQL through a TCP proxy the
test freezes and cuts. Every page answers, well before gunicorn would kill its worker, with the
database-free page (the quick exit and 112), the API with a problem+json 503 and Retry-After,
/healthz red; when the database is back, the same processes serve again."""

import json
import urllib.error
import urllib.request

import pytest

from tests.browser import start_server, stop_server
from tests.stack import TcpProxy, postgres_database, postgresql_pass_only

pytestmark = postgresql_pass_only("the faults are a network's")
EXIT = "https://exit.example.org/"
# The client gives up long before gunicorn's own timeout (60 s in tests/browser.py) would
# kill the worker: an answer within it is one the application gave.
WAIT = 30
PATHS = ("/en/", "/fr/services/", "/en/search/?q=112", "/api/v1/sections/", "/healthz")


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("faults")
    with postgres_database() as database_url:
        proxy = TcpProxy(database_url)
        env = {
            "DATABASE_URL": proxy.url(database_url),
            "CONN_MAX_AGE": "600",
            "DB_CONNECT_TIMEOUT": "2",
            "REQUEST_DEADLINE": "4",
            "QUICK_EXIT_URL": EXIT,
        }
        url, process = start_server(scratch, extra_env=env)
        yield url, proxy, process
        stop_server(process)
        proxy.close()


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def serves(base: str) -> None:
    for path in PATHS:
        for _ in range(4):  # every worker, with its persistent connection
            status, _, _ = get(base + path)
            assert status == 200, path


def down(base: str) -> None:
    for path in PATHS:
        status, headers, body = get(base + path)
        assert status == 503, path
        assert headers["Retry-After"] and "no-store" in headers["Cache-Control"], path
        assert "Set-Cookie" not in headers, path
        if path.startswith("/api/"):
            assert headers["Content-Type"] == "application/problem+json"
            assert json.loads(body)["status"] == 503
        elif path == "/healthz":
            assert json.loads(body)["database"].startswith("unavailable")
        else:
            assert f'href="{EXIT}"' in body and "112" in body, path
            assert "temporarily unavailable" in body


@pytest.mark.parametrize("fault", ["freeze", "cut"])
def test_a_database_fault_is_answered_fast_and_safe_and_recovers_without_a_restart(faulty, fault):
    base, proxy, process = faulty
    serves(base)
    getattr(proxy, fault)()
    try:
        down(base)
    finally:
        proxy.resume()
    serves(base)
    assert process.poll() is None
