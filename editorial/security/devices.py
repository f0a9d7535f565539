"""The two kinds of device an editor has: an authenticator app (TOTP) and one-time backup codes."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def pending_app_device(user) -> TOTPDevice:
    """The authenticator app being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it by hand: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """An inline SVG QR code of the device's otpauth:// URL, drawn here (nothing is fetched)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    svg = image.to_string(encoding="unicode")
    # The SVG is generated from our own data by qrcode: no user-controlled markup in it.
    return mark_safe(svg)


@transaction.atomic
def confirm_app_device(device: TOTPDevice) -> list[str]:
    """Mark the app confirmed, drop other unconfirmed attempts, and issue fresh backup codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with BACKUP_CODE_COUNT new ones, and return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise(code: str) -> str:
    return "".join(code.split()).lower()


def is_app_code(code: str) -> bool:
    """Six (or eight) digits come from the app; backup codes are eight letters and digits."""
    return code.isdigit() and len(code) in (6, 8)


def check_code(user, code: str, device: TOTPDevice | None = None):
    """Check `code` against `device`, or else against the user's confirmed devices of the kind the
    code looks like (so a mistyped app code does not slow down the backup codes, and the other
    way round). Returns (device that accepted it or None, time until which checks are paused)."""
    code = normalise(code)
    paused_until = None
    with transaction.atomic():
        if device is not None:
            candidates = [device]
        else:
            model = TOTPDevice if is_app_code(code) else StaticDevice
            candidates = model.objects.devices_for_user(user, confirmed=True).select_for_update()
        for candidate in candidates:
            allowed, details = candidate.verify_is_allowed()
            if not allowed:
                paused_until = (details or {}).get("locked_until")
                continue
            if candidate.verify_token(code):
                return candidate, None
    return None, paused_until


def remove_all_devices(user) -> int:
    """Delete every two-factor device of the user (of every installed kind); return how many."""
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    return removed
