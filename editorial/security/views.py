"""Two-factor pages: enrol an authenticator app, confirm a code at sign-in, renew backup codes."""

from urllib.parse import urlencode

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import user_has_device

from editorial.security import devices
from editorial.security.forms import CodeForm

admin_login_required = login_required(login_url=reverse_lazy("wagtailadmin_login"))


def next_url(request) -> str:
    """Where to go once verified: the admin page first asked for, never another site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': target})}"


def mark_verified(request, device) -> None:
    """Remember in the session that this user has confirmed a code, under a new session key."""
    django_otp.login(request, device)
    request.session.cycle_key()


def refusal(paused_until) -> str:
    if paused_until is not None:
        seconds = max(1, int((paused_until - timezone.now()).total_seconds()) + 1)
        return ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            seconds,
        ) % {"seconds": seconds}
    return _("That code is not right. Check the code and try again.")


@never_cache
@admin_login_required
@require_http_methods(["GET", "POST"])
def setup(request):
    """First sign-in: scan the QR code (or type the secret), confirm one code, get backup codes."""
    user = request.user
    target = next_url(request)
    if user_has_device(user):
        if user.is_verified():
            return redirect(target)
        return redirect(with_next("admin_2fa:verify", target))

    device = devices.pending_app_device(user)
    help_text = _("The six digits your authenticator app shows for this site now.")
    form = CodeForm(request.POST or None, help_text=help_text, numeric=True)
    if request.method == "POST" and form.is_valid():
        accepted, paused_until = devices.check_code(user, form.cleaned_data["code"], device=device)
        if accepted:
            codes = devices.confirm_app_device(device)
            mark_verified(request, device)
            return render(
                request,
                "security/backup_codes.html",
                {"codes": codes, "next": target, "first_time": True},
            )
        form.add_error("code", refusal(paused_until))

    return render(
        request,
        "security/setup.html",
        {
            "form": form,
            "next": target,
            "qr_code": devices.qr_code_svg(device),
            "secret": devices.secret_text(device),
        },
    )


@never_cache
@admin_login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """Each sign-in: a code from the authenticator app, or one of the backup codes."""
    user = request.user
    target = next_url(request)
    if user.is_verified():
        return redirect(target)
    if not user_has_device(user):
        return redirect(with_next("admin_2fa:setup", target))

    help_text = _(
        "The six digits your authenticator app shows for this site, or one of your backup codes."
    )
    form = CodeForm(request.POST or None, help_text=help_text)
    if request.method == "POST" and form.is_valid():
        accepted, paused_until = devices.check_code(user, form.cleaned_data["code"])
        if accepted:
            mark_verified(request, accepted)
            if not devices.is_app_code(devices.normalise(form.cleaned_data["code"])):
                left = devices.backup_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a backup code: %(left)d is left.",
                        "You used a backup code: %(left)d are left.",
                        left,
                    )
                    % {"left": left},
                )
            return redirect(target)
        form.add_error("code", refusal(paused_until))

    return render(request, "security/verify.html", {"form": form, "next": target})


@never_cache
@admin_login_required
@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """A verified user replaces their backup codes (the old ones stop working)."""
    user = request.user
    if not user.is_verified():
        name = "admin_2fa:verify" if user_has_device(user) else "admin_2fa:setup"
        return redirect(with_next(name, request.get_full_path()))
    if request.method == "POST":
        codes = devices.new_backup_codes(user)
        return render(
            request,
            "security/backup_codes.html",
            {"codes": codes, "next": reverse("wagtailadmin_home"), "first_time": False},
        )
    return render(
        request, "security/backup_codes_renew.html", {"left": devices.backup_codes_left(user)}
    )
