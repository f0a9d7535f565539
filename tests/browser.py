"""Helpers for tests in a real browser and against a real server.

The browser: Debian's Chromium driven by Playwright, never a browser downloaded by Playwright
(`playwright install`): only /usr/bin/chromium, which `make test` installs with apt-get.
Without it, the browser tests are skipped with that reason.

The server: gunicorn as production runs it (the production settings and gunicorn
configuration, several workers) on a scratch database. The server suites share one,
the `served` fixture of tests/served/conftest.py:

    pytestmark = requires_chromium

    def test_something(served, browser):
        page = browser.new_page()
        page.goto(f"{served.url}/en/")
"""

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
SKIP_REASON = (
    f"Chromium not installed: {CHROMIUM}; `make test` installs it with apt-get when run as root"
)
requires_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=SKIP_REASON)
EXPECT_TIMEOUT_MS = 20_000

# What a server needs before it serves the site: the schema, the content, the search index, the
# editorial groups and the review workflow (as `make run` does).
SETUP_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("migrate", "--noinput"),
    ("load_content",),
    ("rebuild_search_index",),
    ("setup_roles",),
    ("collectstatic", "--noinput"),
)

# Settings that read the search index's place from the environment, whatever the settings
# module does with it (cms.settings.test makes a new temporary one in every process, and the
# server must use the index that `rebuild_search_index` built).
SETTINGS_SHIM = """\
import os
from pathlib import Path

from {module} import *  # noqa: F403

SEARCH_INDEX_PATH = Path(os.environ["SEARCH_INDEX_PATH"])
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1"]  # noqa: F405
"""


def launch_chromium(playwright, **options):
    """Debian's Chromium, headless, with no background traffic of its own.

    Also gives Playwright's `expect` EXPECT_TIMEOUT_MS instead of 5 s: the admin renders slowly
    on a busy 2-core machine, and `expect` waits only as long as needed."""
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True, **options
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PRODUCTION = "cms.settings.production"
# The people of the shared served site (tests/served/conftest.py): username, password, groups.
EDITOR = ("claire", "claire-edits-cpvcf-records", ("CPVCF editors",))
REVIEWER = ("rita", "rita-reviews-every-change", ("Reviewers",))
TRANSLATOR = ("nadia", "nadia-translates-into-dutch", ("Dutch translators",))


def server_env(
    scratch: Path, settings_module: str = PRODUCTION, extra_env: dict | None = None
) -> dict[str, str]:
    """The environment of a server (and of its management commands) on a scratch folder."""
    shim = scratch / "server_settings.py"
    shim.write_text(SETTINGS_SHIM.format(module=settings_module))
    pythonpath = os.pathsep.join(filter(None, (str(scratch), os.environ.get("PYTHONPATH"))))
    return {
        **os.environ,
        "PYTHONPATH": pythonpath,
        "DJANGO_SETTINGS_MODULE": "server_settings",
        "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
        "SEARCH_INDEX_PATH": str(scratch / "search.sqlite3"),
        "ELASTICSEARCH_URL": "",
        "MEDIA_ROOT": str(scratch / "media"),
        "STATIC_ROOT": str(scratch / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "served-test-" + "x" * 40,
        # Plain HTTP on the loopback: no redirect to HTTPS (requests that say they came through
        # the TLS proxy, X-Forwarded-Proto: https, are treated as secure).
        "SECURE_SSL_REDIRECT": "false",
        # Signing in without a phone: tests/editorial/test_sign_in.py covers two-factor.
        "ADMIN_REQUIRE_2FA": "false",
        # A loaded machine's slow first rebuild is not a stalled database: the servers run
        # without the request deadline, which tests/served/test_database_faults.py sets.
        "REQUEST_DEADLINE": "0",
        **(extra_env or {}),
    }


# One process for every set-up step: Django starts once instead of once a command.
SETUP_SCRIPT = """\
import json, sys
import django
django.setup()
from django.contrib.auth.models import Group, User
from django.core.management import call_command
job = json.loads(sys.stdin.read())
for command in job["commands"]:
    call_command(*command, verbosity=0)
for username, password, groups in job["users"]:
    user = User.objects.create_user(username, f"{username}@example.org", password)
    user.groups.set(Group.objects.filter(name__in=groups))
    assert sorted(g.name for g in user.groups.all()) == sorted(groups), (username, groups)
"""


def prepare(
    env: dict[str, str],
    commands: Sequence[Sequence[str]] = SETUP_COMMANDS,
    users: Sequence[tuple[str, str, Sequence[str]]] = (),
) -> None:
    """Run management `commands`, then create `users` (username, password, group names), in
    one Django process with the server's environment."""
    job = {"commands": [list(c) for c in commands], "users": [[u, p, list(g)] for u, p, g in users]}
    result = subprocess.run(
        [sys.executable, "-c", SETUP_SCRIPT],
        cwd=ROOT,
        env=env,
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode:
        output = (result.stdout + result.stderr)[-5000:]
        raise RuntimeError(f"Set-up {job['commands']} failed:\n{output}")


def start_server(
    scratch: Path,
    settings_module: str = PRODUCTION,
    extra_env: dict | None = None,
    setup: Sequence[Sequence[str]] = SETUP_COMMANDS,
    users: Sequence[tuple[str, str, Sequence[str]]] = (),
    workers: int = 2,
) -> tuple[str, subprocess.Popen]:
    """Set up a database in `scratch` (`setup` commands, then `users`: see `prepare`) and start
    gunicorn on a free port of 127.0.0.1 with the production configuration (cms/gunicorn.conf.py)
    and `settings_module`.

    Returns the base URL and the process, which the caller stops (`stop_server`). The access
    log goes to scratch/access.log, the rest of the server's output to scratch/server.log;
    `server_env(scratch, ...)` gives its environment again, for more commands against the same
    database."""
    scratch.mkdir(parents=True, exist_ok=True)
    env = server_env(scratch, settings_module, extra_env)
    prepare(env, setup, users)
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    with (scratch / "server.log").open("w") as log:
        process = subprocess.Popen(
            [
                str(gunicorn),
                "--config",
                "cms/gunicorn.conf.py",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                "4",
                "--timeout",
                "60",
                "--access-logfile",
                str(scratch / "access.log"),
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2):
                return base_url, process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop_server(process)
                log_text = (scratch / "server.log").read_text()[-3000:]
                raise RuntimeError(f"The server did not start:\n{log_text}") from None
            time.sleep(0.1)


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def scratch_database(scratch: Path) -> Iterator[str]:
    """The URL of a new, empty database of the same kind as the suite's: a file in `scratch`
    on SQLite; on PostgreSQL (DATABASE_URL), a database of its own, dropped afterwards."""
    suite = os.environ.get("DATABASE_URL", "")
    if not suite.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{scratch / 'db.sqlite3'}"
        return
    import psycopg

    parts = urllib.parse.urlsplit(suite)
    name = f"ipvkb_served_{os.getpid()}"
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def other_origins(urls: Sequence[str], *base_urls: str) -> list[str]:
    """The `urls` whose origin is none of `base_urls`' (data:, blob: and about: URLs stay local)."""
    origins = {urllib.parse.urlsplit(base_url)[:2] for base_url in base_urls}
    return [
        url
        for url in urls
        if urllib.parse.urlsplit(url).scheme not in ("data", "blob", "about")
        and urllib.parse.urlsplit(url)[:2] not in origins
    ]


class RequestLog:
    """Every request a browser context makes, to check that none leaves for another origin.

    log = RequestLog(context); ...; assert log.elsewhere(base_url) == []
    (`other_origins(log.urls[:n], base_url)` checks only the first n requests.)"""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def elsewhere(self, base_url: str, *also_allowed: str) -> list[str]:
        """The requests to another origin than base_url's (and than those of `also_allowed`)."""
        return other_origins(self.urls, base_url, *also_allowed)


@contextmanager
def screenshot_on_failure(page, path: Path):
    """Keep a full-page screenshot (and the HTML) of `page` at `path` when the block fails."""
    try:
        yield
    except BaseException:
        try:
            page.screenshot(path=str(path), full_page=True)
            path.with_suffix(".html").write_text(page.content())
        except Exception:  # the original failure is what matters
            pass
        raise


NEUTRAL_TITLE = "Weather forecast"


class NeutralSite:
    """A plain page on another origin (another local port), standing for the weather site the
    quick exit leads to; it keeps the path and headers of every request it gets."""

    def __init__(self):
        self.requests: list[tuple[str, dict[str, str]]] = []
        log = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                log.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                body = (
                    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    f"<title>{NEUTRAL_TITLE}</title></head><body><h1>{NEUTRAL_TITLE}</h1>"
                    "<p>Sunny spells, light wind.</p></body></html>"
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/weather/today"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def visits(self) -> list[dict[str, str]]:
        """The headers of the requests for the neutral page itself."""
        path = urllib.parse.urlsplit(self.url).path
        return [headers for request_path, headers in self.requests if request_path == path]


def section_url(base_url: str, number: str, language: str) -> str:
    found = get_json(f"{base_url}/api/v1/sections/?number={number}&locale={language}")
    return found["results"][0]["url"]


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def final_url(url: str) -> str:
    """Where `url` leads after redirects (/nl/services/ is /nl/diensten/)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.url


# The public site as its visitors meet it.
LANGUAGES = ("en", "fr", "nl")
# Screens as people have them: small and common phones, and a laptop.
SCREENS = {320: 568, 360: 640, 390: 844, 1280: 800}
MIN_TARGET = 44  # px, WCAG 2.5.5 (AAA) and GOV.UK's own minimum for the exit and call controls


def screen_options(width: int) -> dict:
    """A browser context's options for a screen of SCREENS: below 1000 px, a phone (a mobile
    viewport, which grows when something is wider than the screen, touch, a dense screen)."""
    options = {"viewport": {"width": width, "height": SCREENS[width]}}
    if width < 1000:
        options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
    return options


EXIT_LABEL = {"en": "Exit this page", "fr": "Quitter cette page", "nl": "Deze pagina verlaten"}


def exit_link(page, language: str = "en"):
    """The quick-exit link of a page, as a screen reader names it."""
    return page.get_by_role("link", name=EXIT_LABEL[language], exact=True)
