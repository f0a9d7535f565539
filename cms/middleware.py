"""Middleware of the project: the language of public pages, and the admin's referrer policy."""

from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that the feed's 404s are not redirected to /en/api/...:
    the feed negotiates its own language and its errors must stay errors."""

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)


class AdminReferrerPolicyMiddleware:
    """The admin gets `Referrer-Policy: same-origin` instead of the site's `no-referrer`.

    With `no-referrer`, browsers send `Origin: null` with form posts, and Django's CSRF check
    (rightly) refuses them: nobody could sign in. `same-origin` still sends nothing to other
    sites. Public pages keep `no-referrer` (their only form, search, is a GET)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response.headers["Referrer-Policy"] = "same-origin"
        return response


CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "payment", "usb",
    )
)  # fmt: skip
# Wagtail's admin and the API's Swagger page run inline scripts; they keep their own rules.
WITHOUT_CSP = ("/admin/", "/api/v1/docs/")


class PublicSecurityHeadersMiddleware:
    """Public pages: a strict Content-Security-Policy (only this site's own scripts, styles and
    images; no inline script, no framing) and a Permissions-Policy that turns off the camera,
    microphone, location and the like, so nothing on a page can reach or reveal a visitor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path_info.startswith(WITHOUT_CSP):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
