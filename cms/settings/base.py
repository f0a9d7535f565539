"""Production-safe base settings: every secret and host comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
# Only dev.py turns it on: the local admin account, uploads served by Django (cms/urls.py).
LOCAL_DEVELOPMENT = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# The project's apps, bottom layer first (see docs/architecture.md); editorial comes first so
# that its permission policy is registered before any wagtail_hooks module is read.
INSTALLED_APPS = [
    "editorial",
    "core",
    "changes",
    "knowledge",
    "services",
    "search",
    "feed",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.users_app.EditorialUsersConfig",  # wagtail.users, with the roles described
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    # Admin security (see the "Admin security" block below): two-factor devices, lockout.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "cms.deadline.RequestDeadlineMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Public HTML compressed (after the headers are set below it, before the body is final).
    "cms.compression.PublicPageGZipMiddleware",
    "cms.middleware.AdminReferrerPolicyMiddleware",
    "cms.middleware.PublicSecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Admin security: request.user.is_verified(), then the two-factor gate in front of /admin/.
    "django_otp.middleware.OTPMiddleware",
    "editorial.security.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin security: turns a locked-out sign-in into the lockout page (last, as axes asks).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.safety",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        # A persistent connection is checked before each request reuses it: after a database
        # blip the first request per worker reconnects instead of failing.
        conn_health_checks=True,
    )
}
# Database faults are answered fast (docs/operations.md): a connection attempt gives up after
# DB_CONNECT_TIMEOUT seconds, a statement after DB_STATEMENT_TIMEOUT milliseconds (PostgreSQL),
# and a request still waiting on the database after REQUEST_DEADLINE seconds has its database
# connections cut (cms/deadline.py). Each then answers 503 with the database-free error page.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DB_CONNECT_TIMEOUT", "3")),
        options=f"-c statement_timeout={int(os.environ.get('DB_STATEMENT_TIMEOUT', '5000'))}",
        keepalives=1,
        keepalives_idle=10,
        keepalives_interval=5,
        keepalives_count=2,
    )
REQUEST_DEADLINE = float(os.environ.get("REQUEST_DEADLINE", "20"))
# How long a client should wait before trying again after a 503.
RETRY_AFTER = 30
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin security: axes refuses sign-ins of a locked-out account before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin security: passwords of at least 12 characters, not like the user's name or e-mail, not a
# common password, not only digits (applied by the admin's user and password forms).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source language; French and Dutch are Brussels' languages.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("nl", _("Dutch"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Where "/" sends a visitor whose browser asks for none of our languages (Brussels' majority).
VISITOR_DEFAULT_LANGUAGE = "fr"
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "ipv-kb"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's own search serves the admin; the public search is search/ (see below).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Public search: Elasticsearch when ELASTICSEARCH_URL is set, else the embedded SQLite FTS5 index
# in its own file (it works beside PostgreSQL too).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "ipvkb")
SEARCH_INDEX_PATH = Path(os.environ.get("SEARCH_INDEX_PATH", BASE_DIR / "var" / "search.sqlite3"))
# Matching on meaning (search/embeddings.py): on unless SEARCH_EMBEDDINGS is "false"; passage
# vectors are cached in their own file, which rebuilds reuse.
SEARCH_EMBEDDINGS = os.environ.get("SEARCH_EMBEDDINGS", "true").lower() != "false"
SEARCH_EMBEDDING_THREADS = int(os.environ.get("SEARCH_EMBEDDING_THREADS", "1"))
SEARCH_EMBEDDING_CACHE = Path(
    os.environ.get("SEARCH_EMBEDDING_CACHE", BASE_DIR / "var" / "embeddings.sqlite3")
)
# No avatars from gravatar.com: a third-party request carrying a hash of each editor's e-mail.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx"]

# Safety: no referrer leaves the site; sessions and CSRF cookies only for editors (and a session
# for a visitor who entered a private section's password: see cms/restrictions.py).
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A failed CSRF check gets the site's 403 page (the way out and 112), not Django's bare one.
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"
# Private sections (view restrictions): the password form without a CSRF token, so without a
# cookie (see cms/restrictions.py); the sign-in page is replaced there too.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "site/password_required.html"

# --- Admin security -------------------------------------------------------------------------------
# Editors' sessions end when the browser closes, and in any case SESSION_COOKIE_AGE seconds
# (8 hours) after sign-in or the session's last change.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Two-factor authentication (django-otp, editorial/security/): when on, every account that opens
# /admin/ must confirm a code from an authenticator app (or a one-time backup code) once per
# session.
# Off here and so in development and tests; production.py turns it on.
ADMIN_REQUIRE_2FA = os.environ.get("ADMIN_REQUIRE_2FA", "false").lower() == "true"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME  # the name the authenticator app shows next to the code

# Lockout after repeated failed sign-ins (django-axes): AXES_FAILURE_LIMIT failures for one
# username from one IP address lock that pair for AXES_COOLOFF_HOURS hours (other accounts, and
# the same account elsewhere, stay open). `manage.py axes_reset` lifts every lockout.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # an int is hours for axes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_COOLOFF_MESSAGE = _(
    "Too many failed sign-in attempts: this account is locked for a while. Try again later."
)
# Keep failed attempts only (needed for the lockout), not a log of every successful sign-in.
AXES_DISABLE_ACCESS_LOG = True
# Log lockouts without the sign-in's user agent, and no start-up banner on every command.
AXES_VERBOSE = False
# --------------------------------------------------------------------------------------------------

# Where the quick-exit control sends a visitor: a neutral site with no link to this one.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.meteo.be/")

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "feed.problems.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "feed.schema.FeedSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ipv-kb partner feed",
    "DESCRIPTION": (
        "Guidance on violence between (ex-)partners and the Brussels support services, "
        "in EN, FR and NL, for partner websites and apps."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "PREPROCESSING_HOOKS": ["feed.schema.only_the_feed"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "feed.openapi.complete_the_document",
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,  # "* `en` - en": the values say as much
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# The partner feed: what every response carries. Never invented: empty until the operator sets it.
FEED_ATTRIBUTION = os.environ.get("FEED_ATTRIBUTION", "")
FEED_LICENCE_NAME = os.environ.get("FEED_LICENCE_NAME", "")
FEED_LICENCE_URL = os.environ.get("FEED_LICENCE_URL", "")
FEED_MAX_AGE = int(os.environ.get("FEED_MAX_AGE", "300"))
# The OpenAPI document's servers, contact and licence (licence: the two above). The address
# where partners reach this deployment, e.g. https://kb.example.be; empty: "/", the site that
# serves the document.
FEED_PUBLIC_URL = os.environ.get("FEED_PUBLIC_URL", "")
FEED_CONTACT_NAME = os.environ.get("FEED_CONTACT_NAME", "")
FEED_CONTACT_URL = os.environ.get("FEED_CONTACT_URL", "")
FEED_CONTACT_EMAIL = os.environ.get("FEED_CONTACT_EMAIL", "")

# The cache: shared by every server process (Redis) when REDIS_URL is set, else in memory. Keys
# name the versions of what they hold, so a shared cache never serves another version.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ipvkb"),
            # A Redis that stalls fails fast instead of holding every request.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }

# Purge caches in front of the site (wagtail.contrib.frontend_cache) for every URL a change
# touches: Varnish or Squid with HTTP PURGE, Cloudflare, CloudFront, Azure CDN. See
# docs/operations.md.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
# CloudFront and Azure CDN need their SDK in the image (boto3; azure-mgmt-cdn), not installed here.
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("AZURE_CDN_ENDPOINT_NAME"):
    WAGTAILFRONTENDCACHE["azure_cdn"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.AzureCdnBackend",
        "RESOURCE_GROUP_NAME": os.environ["AZURE_CDN_RESOURCE_GROUP"],
        "CDN_PROFILE_NAME": os.environ["AZURE_CDN_PROFILE_NAME"],
        "CDN_ENDPOINT_NAME": os.environ["AZURE_CDN_ENDPOINT_NAME"],
    }

# CORS: the feed is open to every origin for reading; nothing else is.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
# Browsers on partners' sites may revalidate (conditional requests) and read the validators.
CORS_ALLOW_HEADERS = [*default_cors_headers, "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Content-Language"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"drop_query_strings": {"()": "cms.request_logs.DropQueryStrings"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["drop_query_strings"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task and per page action drowns what matters.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Admin security: lockouts (warnings), not a line for every sign-in and sign-out.
        "axes": {"level": "WARNING"},
        # The development server's request lines, without what people searched for.
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# New translations start as drafts for review instead of copying the source's live status.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Review reminders: a service record not verified for this many days is due again.
SERVICE_VERIFICATION_DAYS = int(os.environ.get("SERVICE_VERIFICATION_DAYS", "180"))
