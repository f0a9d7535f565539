"""Signing in to the admin: lockout after failed sign-ins, two-factor authentication."""

import io
import re
from base64 import b32encode
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin_helpers import PASSWORD, sign_in

LOCKOUT_MESSAGE = "Too many failed sign-in attempts"


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
