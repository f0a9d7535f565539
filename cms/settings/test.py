"""Test settings: fast hashing, plain static storage, in-memory cache and e-mail."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test run gets its own search index file; tests that reindex use their own again.
SEARCH_INDEX_PATH = Path(tempfile.mkdtemp(prefix="ipvkb-test-search-")) / "index.sqlite3"
# Passage vectors depend only on their text: one cache for every run, so rebuilds stay fast.
SEARCH_EMBEDDING_CACHE = BASE_DIR / "var" / "test-embeddings.sqlite3"  # noqa: F405

# Two-factor authentication stays off whatever the environment says; tests that need it turn it on.
ADMIN_REQUIRE_2FA = False
# The test client runs requests in the test's own thread and transaction: cutting their shared
# connection would break the test, not reproduce production (tests/served covers the deadline).
REQUEST_DEADLINE = 0
