"""Benchmark settings: development settings plus Wagtail's own API v2, the reference we compare
the partner feed with. Not used by the product."""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": True}
# Let API v2 return the same 31 sections in one page as the feed does.
WAGTAILAPI_LIMIT_MAX = 50
