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
