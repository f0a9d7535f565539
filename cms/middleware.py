"""Middleware of the project."""

from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that the feed's 404s are not redirected to /en/api/...:
    the feed negotiates its own language and its errors must stay errors."""

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
