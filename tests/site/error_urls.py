"""The site's URLs plus views that fail on purpose, for the error-page tests (the real handlers)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from cms import urls as site_urls


def fail(request, kind):
    if kind == "forbidden":
        raise PermissionDenied
    if kind == "suspicious":
        raise SuspiciousOperation("a request the site refuses")
    raise RuntimeError("a bug")


urlpatterns = [
    path("en/failing/<str:kind>/", fail),
    path("api/v1/failing/<str:kind>/", fail),
    *site_urls.urlpatterns,
]

handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500
