"""Compressed public pages: Django's GZipMiddleware for HTML only, never where a secret is on the
page.

Compressing a page that holds a secret beside text an attacker can reflect (a CSRF token, BREACH)
leaks the secret, so a response that sets a cookie (a CSRF token was put on the page: the
private section's password form; a session) is left as it is, and so is anything under /admin/. The feed and the documents keep
their own bytes: their ETags are computed on them."""

from django.middleware.gzip import GZipMiddleware


class PublicPageGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        if response.cookies:
            return response
        return super().process_response(request, response)
