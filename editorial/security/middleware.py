"""The two-factor gate in front of the Wagtail admin."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

# Admin URLs a signed-in but not yet verified user may still open: sign out, the sign-in page,
# and what the two-factor pages themselves load (the admin's translations and icons).
OPEN_URL_NAMES = (
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


class AdminTwoFactorMiddleware:
    """When ADMIN_REQUIRE_2FA is on, a signed-in user who asks for an admin URL without having
    confirmed a code in this session goes to /admin/2fa/verify/ (or /admin/2fa/setup/ when they
    have no device yet), and comes back to the page asked for afterwards.

    Comes after AuthenticationMiddleware and django_otp's OTPMiddleware. Anonymous users are left
    to Wagtail, which sends them to its sign-in page; the public site is not touched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "ADMIN_REQUIRE_2FA", False) and self.guarded(request):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                name = "admin_2fa:verify" if user_has_device(user) else "admin_2fa:setup"
                target = request.get_full_path() if request.method == "GET" else ""
                url = reverse(name)
                return redirect(f"{url}?{urlencode({'next': target})}" if target else url)
        return self.get_response(request)

    @staticmethod
    def guarded(request) -> bool:
        path = request.path
        if not path.startswith(reverse("wagtailadmin_home")):
            return False
        if path.startswith(settings.STATIC_URL):
            return False
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return True
        return match.namespace != "admin_2fa" and match.url_name not in OPEN_URL_NAMES
