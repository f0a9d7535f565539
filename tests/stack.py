"""The parts production runs, for the server suites: a PostgreSQL database of a test's own,
Redis, and Varnish in front (deploy/varnish.vcl). Each is found where this machine has it;
without it the tests that need it are skipped with the reason (CI installs or starts them all:
.ci/run)."""

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from tests.browser import ROOT

POSTGRES_URL = os.environ.get("CI_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
# CI runs the suite twice, on SQLite and on PostgreSQL (DATABASE_URL); a module whose result
# cannot depend on the database runs in one pass only, to keep CI within its time.
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def postgresql_pass_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not ON_POSTGRESQL, reason=f"runs in the PostgreSQL pass: {reason}")


def sqlite_pass_only(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(ON_POSTGRESQL, reason=f"runs in the SQLite pass: {reason}")


def reachable(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=2):
            return True
    except OSError:
        return False


def require(url: str, what: str) -> None:
    if not reachable(url):
        pytest.skip(f"{what} is not reachable at {url}; .ci/run starts it")


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new PostgreSQL database of the caller's, dropped afterwards."""
    require(POSTGRES_URL, "PostgreSQL")
    import psycopg

    parts = urllib.parse.urlsplit(POSTGRES_URL)
    name = f"ipvkb_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def redis_env() -> dict[str, str]:
    """Settings for a shared Redis cache, under a key prefix no other site uses."""
    require(REDIS_URL, "Redis")
    return {"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": f"ipvkb-test-{uuid.uuid4().hex[:8]}"}


def varnish_vcl(backend_port: int) -> str:
    """deploy/varnish.vcl, pointed at a server on this machine's loopback."""
    vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
    return (
        vcl.replace('.host = "web";', '.host = "127.0.0.1";')
        .replace('.port = "8000";', f'.port = "{backend_port}";')
        .replace('    "web";\n', "")
    )


def start_varnish(scratch: Path, port: int, backend_port: int) -> subprocess.Popen:
    """Varnish on 127.0.0.1:`port` in front of 127.0.0.1:`backend_port`."""
    if not Path(VARNISHD).exists():
        pytest.skip("Varnish is not installed; `make proxy` installs Debian's (needs root)")
    # varnishd reads its configuration as its own unprivileged user: not from a private folder.
    folder = Path(tempfile.mkdtemp(prefix="ipvkb-varnish-"))
    folder.chmod(0o755)
    vcl = folder / "varnish.vcl"
    vcl.write_text(varnish_vcl(backend_port))
    vcl.chmod(0o644)
    log = (scratch / "varnish.log").open("w")
    process = subprocess.Popen(
        [VARNISHD, "-F", "-n", str(folder / "work"), "-a", f"127.0.0.1:{port}",
         "-f", str(vcl), "-s", "malloc,64m"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not reachable(f"http://127.0.0.1:{port}"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"Varnish did not start:\n{(scratch / 'varnish.log').read_text()}")
        time.sleep(0.1)
    return process


class TcpProxy:
    """A TCP proxy on 127.0.0.1 that a test controls, between the application and a server:
    `freeze()` keeps every connection open but forwards nothing (a stalled database), `cut()`
    closes them all and refuses new ones (a database that is down), `resume()` goes back to
    forwarding."""

    def __init__(self, target: str):
        parts = urllib.parse.urlsplit(target)
        self.target = (parts.hostname, parts.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.flowing = threading.Event()
        self.flowing.set()
        self.refusing = False
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def url(self, database_url: str) -> str:
        """`database_url` with its host and port replaced by the proxy's."""
        parts = urllib.parse.urlsplit(database_url)
        credentials = parts.netloc.rpartition("@")[0]
        netloc = f"{credentials}@127.0.0.1:{self.port}" if credentials else f"127.0.0.1:{self.port}"
        return parts._replace(netloc=netloc).geturl()

    def accept(self) -> None:
        while True:
            client, _ = self.listener.accept()
            if self.refusing:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(source, sink), daemon=True).start()

    def pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                self.flowing.wait()
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def freeze(self) -> None:
        self.flowing.clear()

    def cut(self) -> None:
        self.refusing = True
        with self.lock:
            for end in self.sockets:
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
            self.sockets.clear()

    def resume(self) -> None:
        self.refusing = False
        self.flowing.set()

    def close(self) -> None:
        self.cut()
        self.listener.close()
