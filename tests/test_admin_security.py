"""A secure admin: lockout after failed sign-ins, two-factor authentication, strong passwords,
sessions that end, a clean `check --deploy`, and no admin view open to anonymous visitors."""

import io
import os
import re
import secrets
import subprocess
import sys
from base64 import b32encode
from urllib.parse import quote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-enough-passphrase"
LOCKOUT_MESSAGE = "Too many failed sign-in attempts"


@pytest.fixture
def make_editor(db):
    def make(username="editor"):
        return get_user_model().objects.create_superuser(
            username, f"{username}@example.org", PASSWORD
        )

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor()


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


def sign_in(client, username, password=PASSWORD):
    """What an editor does: fill in the Wagtail sign-in form."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": "/admin/"},
    )


def app_code(device, steps_ahead=0) -> str:
    """The code an authenticator app shows for the device (steps_ahead: the next time steps')."""
    return f"{totp(device.bin_key, step=device.step, drift=steps_ahead):0{device.digits}d}"


def confirmed_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def backup_codes(user, *codes) -> list[str]:
    device = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=device, token=code)
    return list(codes)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Lockout after repeated failed sign-ins -------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, make_editor):
    make_editor("editor")
    make_editor("colleague")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "editor", "not-the-password")
        assert response.status_code in (200, 429)
        assert "_auth_user_id" not in client.session

    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert LOCKOUT_MESSAGE in text_of(response)
    assert "locked for 60 minutes" in text_of(response)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")

    # Another account is not locked, from the same browser.
    other = Client()
    assert sign_in(other, "colleague").status_code == 302
    assert other.get("/admin/").status_code == 200

    # An administrator lifts the lockout; the editor signs in.
    call_command("axes_reset", verbosity=0)
    response = sign_in(client, "editor")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_successful_sign_in_clears_earlier_failures(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "editor", "not-the-password")
    assert sign_in(client, "editor").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "editor", "not-the-password").status_code == 200
    assert sign_in(client, "editor").status_code == 302


def test_lockout_settings_and_force_login_are_unaffected(client, editor):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == 1
    assert settings.AXES_RESET_ON_SUCCESS is True
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert "django.contrib.auth.backends.ModelBackend" in settings.AUTHENTICATION_BACKENDS
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


# --- Two-factor authentication --------------------------------------------------------------------


def test_first_sign_in_sets_up_an_app_then_every_sign_in_asks_for_a_code(
    client, editor, two_factor
):
    assert sign_in(client, "editor").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/setup/?next=" + quote("/admin/", safe="")

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert secret[:4] + " " + secret[4:8] in html  # the key to type in by hand
    assert "<svg" in html and "<path" in html  # the QR code, drawn on the server
    assert page.get("Cache-Control") and "no-store" in page["Cache-Control"]
    # Nothing on the page comes from another site.
    assert not re.search(
        r"""(?:src|href)=["']?(?:https?:)?//""",
        re.sub(r"<noscript.*?</noscript>", "", html, flags=re.S),
    )

    # Reloading keeps the same secret until it is confirmed.
    client.get("/admin/2fa/setup/")
    assert TOTPDevice.objects.get(user=editor, confirmed=False).key == device.key

    response = client.post("/admin/2fa/setup/", {"code": app_code(device), "next": "/admin/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "not shown again" in text_of(response)
    assert client.get("/admin/").status_code == 200

    # A new sign-in asks for the code again.
    client.logout()
    assert sign_in(client, "editor").status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/verify/?next=" + quote("/admin/pages/", safe="")
    assert client.get(response["Location"]).status_code == 200
    # (The code just used cannot be replayed: the app's next one is typed.)
    device.refresh_from_db()
    response = client.post(
        "/admin/2fa/verify/", {"code": app_code(device, steps_ahead=1), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client, editor, two_factor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a pause long enough to see, whatever the machine
    device = confirmed_app(editor)
    client.force_login(editor)
    wrong = "000000" if app_code(device) != "000000" else "111111"
    response = client.post("/admin/2fa/verify/", {"code": wrong, "next": "/admin/"})
    assert response.status_code == 200
    assert "That code is not right" in text_of(response)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    # Straight after a wrong code the app's codes are paused (django-otp's throttling).
    response = client.post("/admin/2fa/verify/", {"code": app_code(device), "next": "/admin/"})
    assert "Too many wrong codes. Wait" in text_of(response)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


def test_a_backup_code_works_once_only(client, editor, two_factor):
    confirmed_app(editor)
    first, second = backup_codes(editor, "abcdefgh", "ijklmnop")
    client.force_login(editor)
    response = client.post("/admin/2fa/verify/", {"code": first.upper(), "next": "/admin/"})
    assert response.status_code == 302
    page = client.get("/admin/")
    assert page.status_code == 200
    assert "You used a backup code: 1 is left." in text_of(page)

    client.logout()
    client.force_login(editor)
    response = client.post("/admin/2fa/verify/", {"code": first, "next": "/admin/"})
    assert response.status_code == 200
    assert "That code is not right" in text_of(response)
    assert client.get("/admin/").status_code == 302


def test_an_unverified_session_cannot_add_another_device(client, editor, two_factor):
    confirmed_app(editor)
    client.force_login(editor)
    response = client.get("/admin/2fa/setup/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/")
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert client.get("/admin/2fa/backup-codes/")["Location"].startswith("/admin/2fa/verify/")


def test_verify_never_sends_the_editor_to_another_site(client, editor, two_factor):
    device = confirmed_app(editor)
    client.force_login(editor)
    response = client.post(
        "/admin/2fa/verify/", {"code": app_code(device), "next": "https://elsewhere.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_verified_editor_renews_backup_codes(client, editor, two_factor):
    device = confirmed_app(editor)
    old = backup_codes(editor, "abcdefgh")
    client.force_login(editor)
    client.post("/admin/2fa/verify/", {"code": app_code(device), "next": "/admin/"})
    assert "1 unused backup code left" in text_of(client.get("/admin/2fa/backup-codes/"))
    response = client.post("/admin/2fa/backup-codes/")
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10 and old[0] not in codes
    assert not StaticToken.objects.filter(token=old[0]).exists()


def test_signing_out_is_possible_before_the_code(client, editor, two_factor):
    confirmed_app(editor)
    client.force_login(editor)
    assert "Sign out" in text_of(client.get("/admin/2fa/verify/"))
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_reset_2fa_removes_the_devices_and_ends_the_sessions(client, editor, two_factor):
    device = confirmed_app(editor)
    backup_codes(editor, "abcdefgh")
    assert sign_in(client, "editor").status_code == 302
    client.post("/admin/2fa/verify/", {"code": app_code(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200

    output = io.StringIO()
    call_command("reset_2fa", "editor", stdout=output)
    assert "removed 2 two-factor device(s), ended 1 session(s)" in output.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert sign_in(client, "editor").status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")


def test_without_the_setting_nothing_changes(client, editor):
    assert settings.ADMIN_REQUIRE_2FA is False
    assert sign_in(client, "editor").status_code == 302
    assert client.get("/admin/").status_code == 200


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
