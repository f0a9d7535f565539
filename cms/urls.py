"""URL map: the admin, then the public site under a language prefix (/en/, /fr/, /nl/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.restrictions import authenticate_with_password, staff_only
from cms.views import health, language_root, moved_to, site_page
from search.views import search_page

urlpatterns = [
    path("healthz", health, name="health"),
    path("api/v1/", include("feed.urls")),
    path("api/hsds/", include("feed.hsds_urls")),
    path("", language_root, name="language-root"),
    path("admin/2fa/", include("editorial.security.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.LOCAL_DEVELOPMENT:  # uploads, served by Django whether DEBUG is on or not
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# The site's own pages have a path in each language (the interface catalogues, context "URL").
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL", "search/"), search_page, name="search"),
    path(
        pgettext_lazy("URL", "staying-safe/"),
        site_page("site/staying_safe.html"),
        name="staying-safe",
    ),
    path(
        pgettext_lazy("URL", "accessibility/"),
        site_page("site/accessibility.html"),
        name="accessibility",
    ),
    # Their former English paths under /fr/ and /nl/ lead to the translated ones for good.
    path("search/", moved_to("search")),
    path("staying-safe/", moved_to("staying-safe")),
    path("accessibility/", moved_to("accessibility")),
    # Before Wagtail's own views at these paths: private sections without a cookie.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("_util/login/", staff_only, name="wagtailcore_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "cms.views.bad_request"
handler403 = "cms.views.permission_denied"
handler404 = "cms.views.not_found"
handler500 = "cms.views.server_error"
