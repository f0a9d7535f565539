"""Compressed public pages: Django's GZipMiddleware for visitors' HTML only.

Compressing a page that holds a secret beside text an attacker can reflect (BREACH) leaks the
secret. No page a visitor gets holds one (the private section's password form has no CSRF token:
cms/restrictions.py), and so that none ever does unnoticed, nothing is compressed under /admin/,
for a signed-in user (the userbar), or when the response sets a cookie. The feed and the
documents keep their own bytes: their ETags are computed on them."""

from django.middleware.gzip import GZipMiddleware


class PublicPageGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/") or response.cookies:
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response
        return super().process_response(request, response)
