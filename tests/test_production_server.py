"""The production configuration, served by gunicorn over real HTTP, as docker-compose runs it."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """Migrate, load and collect static files into a scratch folder, then start gunicorn."""
    scratch = tmp_path_factory.mktemp("production")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "SECRET_KEY": "production-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(scratch / "static"),
        "SECURE_SSL_REDIRECT": "false",
        "SEARCH_INDEX_PATH": str(scratch / "search.sqlite3"),
    }
    commands = (["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"])
    for command in (*commands, ["rebuild_search_index"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    access_log = scratch / "access.log"
    server = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            "cms/gunicorn.conf.py",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            str(access_log),
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base, access_log
    server.terminate()
    server.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, **headers):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(urllib.request.Request(url, headers=headers), timeout=5)
    except urllib.error.HTTPError as response:
        return response


def test_pages_and_static_files_are_served_with_safe_headers(production_server):
    production_server, _ = production_server
    # As behind the TLS-terminating proxy of a real deployment.
    home = fetch(f"{production_server}/en/", **{"X-Forwarded-Proto": "https"})
    assert home.status == 200
    html = home.read().decode()
    assert "Violence between (ex-)partners" in html
    assert home.headers["Referrer-Policy"] == "no-referrer"
    assert home.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Set-Cookie" not in home.headers
    stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    css = fetch(production_server + stylesheet)
    assert css.status == 200
    assert "max-age" in css.headers["Cache-Control"]


def test_unknown_pages_are_plain_404s(production_server):
    production_server, _ = production_server
    assert fetch(f"{production_server}/en/no-such-page/").status == 404
    assert fetch(f"{production_server}/").status == 302


def test_searches_work_and_leave_no_query_and_no_address_in_the_access_log(production_server):
    base, access_log = production_server
    page = fetch(f"{base}/fr/search/?q=il+me+frappe", **{"X-Forwarded-Proto": "https"})
    assert page.status == 200 and "Set-Cookie" not in page.headers
    api = fetch(f"{base}/api/v1/search/?q=noodnummer&locale=nl")
    assert api.status == 200
    assert json.load(api)["results"][0]["slug"] == "emergency-112"
    time.sleep(0.5)  # gunicorn writes its access log line after the response
    log = access_log.read_text()
    assert '"GET /fr/search/"' in log and '"GET /api/v1/search/"' in log
    for secret in ("frappe", "noodnummer", "q=", "127.0.0.1"):
        assert secret not in log
