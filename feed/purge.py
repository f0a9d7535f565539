"""Purge the caches in front of the site (Varnish, Squid, Cloudflare: WAGTAILFRONTENDCACHE)
of every feed URL and public page that a change to the public documents touches."""

import logging

from django.conf import settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

from changes.reconcile import documents_changed
from feed.changes import DETAIL_ROUTES
from feed.hsds.ids import hsds_id
from knowledge.models import ServiceDirectoryPage
from knowledge.visibility import visible_pages

logger = logging.getLogger(__name__)

LISTS = {
    "section": "api:section-list",
    "service": "api:service-list",
    "fact_sheet": "api:fact-sheet-list",
}
HSDS = {"service": ("hsds:services", "hsds:organizations")}


def paths_to_purge(events, pages) -> set[str]:
    """Each item's feed URL, its type's list, the change log and Atom feeds of its language,
    its HSDS views, and the public pages (the service directory for a service). A purge of a
    path covers every query string of it (deploy/varnish.vcl bans by path)."""
    paths = {reverse("api:changes"), *pages}
    if any(event.object_type == "service" for event in events):
        paths.update(
            page.get_url() for page in visible_pages(ServiceDirectoryPage.objects.all()).specific()
        )
    for event in events:
        paths.add(reverse(DETAIL_ROUTES[event.object_type], args=[event.object_id]))
        paths.add(reverse(LISTS[event.object_type]))
        paths.add(reverse("api:changes-atom", args=[event.locale]))
        paths.update(reverse(name) for name in HSDS.get(event.object_type, ()))
        if event.object_type == "service":
            hsds_uuid = hsds_id("service", event.translation_key, event.locale)
            paths.add(reverse("hsds:service", args=[hsds_uuid]))
    return paths


def purge(sender, events, pages, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    root = Site.objects.filter(is_default_site=True).first()
    base = root.root_url if root else ""
    try:
        purge_urls_from_cache([base + path for path in sorted(paths_to_purge(events, pages))])
    except Exception:  # a cache that cannot be reached must not undo the change
        logger.exception("Purging the front-end cache failed.")


def connect_signals():
    documents_changed.connect(purge, dispatch_uid="feed.purge")
