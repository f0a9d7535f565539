"""An Atom feed of changes per language, for partners without developers (feed readers)."""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import override

from changes.models import ChangeEvent
from changes.reconcile import ensure_current
from core.languages import content_languages
from feed.changes import DETAIL_ROUTES
from knowledge.models import FactSheetPage, SectionPage
from knowledge.representation import public_sections
from services.representation import public_services

# What an entry may show of its item: only what the public site shows (never a draft, a
# private section or a closed service).
PUBLIC = {
    "section": public_sections,
    "service": public_services,
    "fact_sheet": lambda: FactSheetPage.objects.live().public(),
}


class ChangesAtomFeed(Feed):
    feed_type = Atom1Feed
    methods = ("GET", "HEAD", "OPTIONS")

    def __call__(self, request, *args, **kwargs):
        """Read-only, like every feed route: OPTIONS says so, a write is a 405."""
        if request.method not in self.methods:
            return HttpResponseNotAllowed(self.methods)
        if request.method == "OPTIONS":
            response = HttpResponse()
            response["Allow"] = ", ".join(self.methods)
            return response
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, locale):
        if locale not in content_languages():
            raise Http404("Unknown language.")
        ensure_current()
        self.request = request
        self.language = locale  # xml:lang of the feed
        return locale

    def title(self, locale):
        with override(locale):
            return _("Changes to the guidance on violence between (ex-)partners")

    def link(self, locale):
        return f"/{locale}/"

    def feed_url(self, locale):
        return self.request.path

    def items(self, locale):
        return ChangeEvent.objects.filter(locale=locale).order_by("-id")[:50]

    def current(self, event):
        return PUBLIC[event.object_type]().filter(pk=event.object_id).first()

    def item_title(self, event):
        item = self.current(event)
        name = getattr(item, "title", None) or getattr(item, "name", "")
        label = f"{event.identifier} {name}".strip()
        with override(event.locale):
            return {
                "published": _("Published: %s"),
                "updated": _("Updated: %s"),
                "unpublished": _("Removed: %s"),
                "deleted": _("Removed: %s"),
            }[event.action] % label

    def item_description(self, event):
        item = self.current(event)
        if isinstance(item, SectionPage | FactSheetPage):
            return item.summary
        return item.description if item else ""

    def item_link(self, event):
        item = self.current(event)
        if isinstance(item, SectionPage | FactSheetPage) and not event.removed:
            return item.get_url(self.request)
        return reverse(DETAIL_ROUTES[event.object_type], args=[event.object_id])

    def item_guid(self, event):
        return f"urn:ipv-kb:change:{event.id}"

    item_guid_is_permalink = False

    def item_updateddate(self, event):
        return event.occurred_at

    def item_pubdate(self, event):
        return event.occurred_at
