"""A hardened admin: production settings, strong passwords, sessions that end, a clean
`check --deploy`, no admin view open to anonymous visitors, nothing sent elsewhere."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from tests.admin_helpers import sign_in

# --- Production settings --------------------------------------------------------------------------


def production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ADMIN_REQUIRE_2FA"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="sqlite:////tmp/ipvkb-check-deploy.sqlite3",
        **extra,
    )
    return env


def run(args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, capture_output=True, text=True, env=env, cwd=settings.BASE_DIR, check=False
    )


PRINT_SECURITY_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.ADMIN_REQUIRE_2FA, s.SESSION_COOKIE_AGE, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, "
    "s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
)


def test_production_requires_two_factor_and_ends_sessions():
    result = run([sys.executable, "-c", PRINT_SECURITY_SETTINGS], production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "28800", "True", "5", "1"]

    env = production_env(ADMIN_REQUIRE_2FA="false", SESSION_COOKIE_AGE="3600")
    result = run([sys.executable, "-c", PRINT_SECURITY_SETTINGS], env)
    assert result.stdout.split()[:2] == ["False", "3600"]


def test_check_deploy_is_clean_with_production_settings():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# --- Passwords and sessions -----------------------------------------------------------------------


@pytest.mark.parametrize("password", ["password123", "Sh0rt-pw!", "123456789012345"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted(make_editor):
    validate_password("violet kettle on a quiet tram")
    user = make_editor("marie")
    with pytest.raises(ValidationError):
        validate_password("marie@example.org", user=user)


def test_an_admin_session_ends_with_the_browser_and_after_eight_hours(client, editor):
    response = sign_in(client, "editor")
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # gone when the browser closes
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


# --- Nothing of the admin is open to anonymous visitors -------------------------------------------

# Admin URLs that are public by design: signing in, resetting a forgotten password, and the
# interface's translations and icons which the sign-in page itself loads.
PUBLIC_BY_DESIGN = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}

DUMMY = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}


def concrete(pattern) -> str:
    """A URL fragment for one route or regex pattern, with dummy values for its parameters."""
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return re.sub(
            r"<(?:(\w+):)?\w+>", lambda m: DUMMY.get(m.group(1) or "str", "x"), str(pattern)
        )
    assert isinstance(pattern, RegexPattern), pattern
    text = str(pattern).lstrip("^").rstrip("$")
    text = re.sub(
        r"\(\?P<\w+>([^)]*)\)", lambda m: "1" if re.search(r"\\d|0-9", m.group(1)) else "x", text
    )
    text = text.replace(".*", "x").replace(".+", "x").replace("^", "")
    return text.replace("\\", "")


def admin_urls():
    def walk(patterns, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + concrete(entry.pattern))
            else:
                assert isinstance(entry, URLPattern)
                yield "/" + prefix + concrete(entry.pattern), entry.name

    return [
        (url, name)
        for url, name in walk(get_resolver().url_patterns, "")
        if url.startswith("/admin/")
    ]


def test_no_admin_view_answers_an_anonymous_visitor(db):
    urls = admin_urls()
    assert len(urls) > 200
    assert any(url.startswith("/admin/2fa/") for url, _ in urls)
    anonymous = Client(raise_request_exception=False)
    opened = []
    for url, name in urls:
        if name in PUBLIC_BY_DESIGN:
            continue
        response = anonymous.get(url)
        if response.status_code == 302:
            if not response["Location"].startswith("/admin/login/"):
                opened.append((url, name, response.status_code, response["Location"]))
        elif response.status_code not in (401, 403, 404, 405):
            opened.append((url, name, response.status_code))
    assert opened == []


def test_the_public_site_still_sets_no_cookie(client, db):
    response = client.get("/en/")
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_admin_forms_get_a_same_origin_referrer_policy_and_public_pages_none(client, db):
    """With `no-referrer`, browsers post admin forms with `Origin: null`, which the CSRF check
    refuses (the browser test signs in for real); public pages send no referrer at all."""
    assert client.get("/admin/login/")["Referrer-Policy"] == "same-origin"
    assert client.get("/en/")["Referrer-Policy"] == "no-referrer"


def test_the_admin_requests_nothing_from_gravatar(client, editor):
    client.force_login(editor)
    assert "gravatar" not in client.get("/admin/").content.decode()
