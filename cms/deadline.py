"""A request never hangs on a stalled database: past settings.REQUEST_DEADLINE seconds, the
sockets of the database connections it holds are shut down, so the query it waits on fails at
once and the request answers 503 with the database-free error page (cms/views.py).

A connection attempt is bounded by libpq's connect_timeout and a statement the server runs by
statement_timeout (cms/settings/base.py); this covers what neither sees, such as a network that
stops answering in the middle of a query. One watchdog thread per process, for every kind of
gunicorn worker: a signal would reach only the main thread."""

import logging
import os
import socket
import threading
import time
from contextlib import suppress

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)
TICK = 0.25  # how often the watchdog looks at the requests it watches


class Watchdog:
    def __init__(self):
        self.lock = threading.Lock()
        self.watched: dict[int, tuple[float, list]] = {}
        self.pid = None

    def watch(self, key: int, seconds: float, wrappers: list) -> None:
        with self.lock:
            if self.pid != os.getpid():  # first request of this (forked) worker
                self.pid = os.getpid()
                self.watched.clear()
                threading.Thread(target=self.run, name="request-deadline", daemon=True).start()
            self.watched[key] = (time.monotonic() + seconds, wrappers)

    def forget(self, key: int) -> None:
        with self.lock:
            self.watched.pop(key, None)

    def run(self) -> None:
        while True:
            time.sleep(TICK)
            now = time.monotonic()
            with self.lock:
                late = [k for k, (deadline, _) in self.watched.items() if deadline <= now]
                overdue = [self.watched.pop(k)[1] for k in late]
            for wrappers in overdue:
                cut(wrappers)


def cut(wrappers: list) -> None:
    """Shut down the sockets of these database connections (PostgreSQL's; SQLite has none and
    waits on its own busy timeout)."""
    for wrapper in wrappers:
        pgconn = getattr(wrapper.connection, "pgconn", None)
        try:
            descriptor = pgconn.socket if pgconn is not None else None
        except Exception:  # the connection closed meanwhile
            continue
        if descriptor is None:
            continue
        logger.error("A request waited on the database past its deadline: connection cut.")
        with socket.socket(fileno=os.dup(descriptor)) as duplicate, suppress(OSError):
            duplicate.shutdown(socket.SHUT_RDWR)


watchdog = Watchdog()


class RequestDeadlineMiddleware:
    """Watches each request's database connections (this thread's) until it answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.REQUEST_DEADLINE
        if not seconds:
            return self.get_response(request)
        key = id(request)
        watchdog.watch(key, seconds, connections.all())
        try:
            return self.get_response(request)
        finally:
            watchdog.forget(key)
