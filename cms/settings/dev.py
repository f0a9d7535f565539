"""Local development (`make run`): a throwaway secret, console e-mail, static files and uploads
served by the development server. DEBUG is off, so a visitor's error pages are the site's own
(the way out and the emergency numbers); DJANGO_DEBUG=1 turns Django's debug pages on. Tracebacks
are printed in the terminal either way."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
LOCAL_DEVELOPMENT = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
LOCAL_PORT = os.environ.get("PORT", "8000")

# Serve static files straight from the source folders, without collectstatic, DEBUG or not.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
