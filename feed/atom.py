"""An Atom feed of changes per language, for partners without developers (feed readers).

One entry per item (a section or a service, in that language) in its latest state: a stable
id per item, `updated` at its latest change, title, summary and link from the current public
item. An item whose latest change removed it (unpublished, private, closed or deleted) is an
entry that says so and links to its tombstone in the change log, never to a detail URL that
answers 410, and shows nothing of the item beyond its number or slug. Validators follow the
body: the ETag is a hash of the bytes served, Last-Modified the latest change in the language.

The document is built once per state of the content and kept in the cache (Redis in production,
shared by every worker) with its validators, under a key naming everything the bytes depend on:
the change-log position and the write count the public documents were built for (both move with
any change to what is public), the language, the feed's absolute URL (scheme and host, which every
link uses) and the operator's settings. A poller costs a few queries then, and a 304 no rebuild.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Min
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Site

from changes.models import ChangeEvent, Counter
from changes.reconcile import counters, ensure_current
from core.languages import content_languages
from core.links import api_url, public_url
from feed.base import EPOCH, version
from knowledge.models import ServiceDirectoryPage
from knowledge.representation import public_sections
from knowledge.visibility import visible_pages
from services.representation import public_services

LIMIT = 50  # the most recently changed items of one language
KINDS = ("section", "service")  # a fact sheet's changes show in its sections' entries
ENTRY_ID = "urn:ipv-kb:{kind}:{key}:{locale}"  # one per item and language, never per change
CACHE_SECONDS = 3600  # a key is never stale (see cache_key): this only bounds the memory held


@dataclass(frozen=True)
class Author:
    name: str
    uri: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    summary: str
    links: tuple[dict, ...]  # attributes of atom:link elements, the first rel="alternate"
    updated: datetime
    published: datetime
    author: Author
    action: str  # the change-log action of the item's latest change
    label: str  # that action as readers see it, in the feed's language


class EntryAtomFeed(Atom1Feed):
    """Django's Atom 1.0 generator, completed for RFC 4287 as the W3C validator reads it: the
    feed's `updated` is given (never "now", so equal content gives equal bytes), summaries are
    plain text, links carry their type, categories their label, the licence a rel="license"
    link (RFC 4946)."""

    def latest_post_date(self):
        return self.feed["updated"]

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed["licence_url"]:
            licence = {"rel": "license", "href": self.feed["licence_url"]}
            handler.addQuickElement("link", "", licence)

    def add_item_elements(self, handler, item):
        entry: Entry = item["entry"]
        handler.addQuickElement("id", entry.id)
        handler.addQuickElement("title", entry.title)
        handler.addQuickElement("updated", rfc3339_date(entry.updated))
        handler.addQuickElement("published", rfc3339_date(entry.published))
        handler.startElement("author", {})
        handler.addQuickElement("name", entry.author.name)
        if entry.author.uri:
            handler.addQuickElement("uri", entry.author.uri)
        handler.endElement("author")
        for link in entry.links:
            handler.addQuickElement("link", "", link)
        if entry.summary:
            handler.addQuickElement("summary", entry.summary)
        handler.addQuickElement("category", "", {"term": entry.action, "label": entry.label})


def state(action: str) -> tuple[str, str]:
    """An entry's title pattern and category label for its latest change, in the active
    language."""
    if action == ChangeEvent.Action.PUBLISHED:
        return _("Published: %s"), _("Published")
    if action == ChangeEvent.Action.UPDATED:
        return _("Updated: %s"), _("Updated")
    return _("Removed: %s"), _("Removed")


def operator(request) -> Author:
    """Who publishes the feed: the operator's attribution, else the site's name."""
    site = Site.find_for_request(request)
    name = settings.FEED_ATTRIBUTION or (site and site.site_name) or settings.WAGTAIL_SITE_NAME
    return Author(name=name)


def latest_changes(locale: str) -> list[tuple[ChangeEvent, datetime]]:
    """The latest change-log row of each of the most recently changed items of one language,
    with the time the item was first announced; most recent first. An item is its type and
    translation key: a translation deleted and made again is the same item coming back."""
    rows = list(
        ChangeEvent.objects.filter(locale=locale, object_type__in=KINDS)
        .values("object_type", "translation_key")
        .annotate(last=Max("id"), first=Min("occurred_at"))
        .order_by("-last")[:LIMIT]
    )
    events = ChangeEvent.objects.in_bulk([row["last"] for row in rows])
    return [(events[row["last"]], row["first"]) for row in rows]


class Entries:
    """Builds the entries of one language from the change log and the current public items."""

    def __init__(self, request, locale: str):
        self.request, self.locale = request, locale
        self.operator = operator(request)
        directories = visible_pages(ServiceDirectoryPage.objects.all())
        directory = directories.filter(locale__language_code=locale).first()
        self.directory_url = public_url(directory, request) if directory else None

    def build(self) -> list[Entry]:
        changes = latest_changes(self.locale)
        ids = {kind: [e.object_id for e, _f in changes if e.object_type == kind] for kind in KINDS}
        current = {
            ("section", page.pk): page for page in public_sections().filter(pk__in=ids["section"])
        } | {
            ("service", service.pk): service
            for service in public_services().filter(pk__in=ids["service"])
        }
        entries = []
        for event, first in changes:
            if event.removed:
                entries.append(self.removed(event, first))
                continue
            item = current.get((event.object_type, event.object_id))
            # Not public although its last change was no removal (moved under a private page,
            # say): nothing of it may show, and the change log announced no removal to link to.
            if item is not None:
                entries.append(self.public(event, first, item))
        return entries

    def entry_id(self, event) -> str:
        key = event.translation_key
        return ENTRY_ID.format(kind=event.object_type, key=key, locale=self.locale)

    def public(self, event, first, item) -> Entry:
        if event.object_type == "section":
            name, summary, author = f"{item.number} {item.title}", item.summary, self.operator
            page = public_url(item, self.request)
        else:
            name, summary = item.name, item.description
            organisation = item.public_organisation  # who runs the service, if published
            author = (
                Author(organisation.name, organisation.web_address)
                if organisation
                else self.operator
            )
            page = f"{self.directory_url}#service-{item.slug}" if self.directory_url else None
        data = api_url(self.request, f"api:{event.object_type}-detail", item.pk)
        links = [{"rel": "alternate", "type": "text/html", "href": page}] if page else []
        links.append(
            {"rel": "related" if page else "alternate", "type": "application/json", "href": data}
        )
        title, label = state(event.action)
        return Entry(
            id=self.entry_id(event),
            title=title % name,
            summary=summary or name,  # a reader shows something under the title
            links=tuple(links),
            updated=event.occurred_at,
            published=first,
            author=author,
            action=event.action,
            label=label,
        )

    def removed(self, event, first) -> Entry:
        """A tombstone: the item's number or slug (already public in the change log), when it
        left, and a link to its removal in the change log (which answers 200)."""
        tombstone = reverse("api:changes") + f"?since={event.id - 1}&limit=1"
        title, label = state(event.action)
        if event.object_type == "section":
            summary = _("This section is no longer published. Remove it from your copy.")
        else:
            summary = _("This service is no longer listed. Remove it from your copy.")
        return Entry(
            id=self.entry_id(event),
            title=title % event.identifier,
            summary=summary,
            links=(
                {
                    "rel": "alternate",
                    "type": "application/json",
                    "href": self.request.build_absolute_uri(tombstone),
                },
            ),
            updated=event.occurred_at,
            published=first,
            author=self.operator,
            action=event.action,
            label=label,
        )


def build_feed(request, locale: str) -> tuple[bytes, datetime]:
    """The whole document and the time of the latest change it shows. Everything in it is in
    the feed's language, whatever the request's Accept-Language (the path names the language),
    so it never varies on that header."""
    with override(locale):
        builder = Entries(request, locale)
        entries = builder.build()
        updated = latest_change(locale)
        generator = EntryAtomFeed(
            title=_("Changes to the guidance on violence between (ex-)partners"),
            link=request.build_absolute_uri(f"/{locale}/"),
            description="",
            language=locale,
            feed_url=request.build_absolute_uri(request.path),
            feed_guid=f"urn:ipv-kb:changes:{locale}",
            author_name=builder.operator.name,
            feed_copyright=settings.FEED_LICENCE_NAME or None,
            updated=updated,
            licence_url=settings.FEED_LICENCE_URL or None,
        )
        for entry in entries:
            generator.add_item(
                title=entry.title,
                link=entry.links[0]["href"],
                description=entry.summary,
                unique_id=entry.id,
                entry=entry,
            )
        return generator.writeString("utf-8").encode(), updated


def latest_change(locale: str) -> datetime:
    events = ChangeEvent.objects.filter(locale=locale, object_type__in=KINDS)
    latest = events.aggregate(at=Max("occurred_at"))["at"]
    return latest or EPOCH


class ChangesAtomFeed:
    """/api/v1/changes/<locale>.atom. Read-only like every feed route: OPTIONS says so, a write
    is a 405 (for everyone: no CSRF check stands in front of the 405)."""

    methods = ("GET", "HEAD", "OPTIONS")
    csrf_exempt = True
    content_type = EntryAtomFeed.content_type

    def __call__(self, request, locale):
        if request.method not in self.methods:
            return HttpResponseNotAllowed(self.methods)
        if request.method == "OPTIONS":
            response = HttpResponse()
            response["Allow"] = ", ".join(self.methods)
            return response
        if locale not in content_languages():
            raise Http404("Unknown language.")
        ensure_current()
        body, etag, last_modified = cached_feed(request, locale)
        response = HttpResponse(body, content_type=self.content_type)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        # A cache in front asks every time (and gets a 304 while nothing changed): a poller
        # sees a change as soon as it is made.
        response["Cache-Control"] = "public, no-cache"
        response["Content-Language"] = locale
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )


def cache_key(request, locale: str) -> str:
    """Names everything the document depends on, so a key is never stale. Read after the public
    documents are current and before building: a write in between moves the write count, and the
    next request's key with it."""
    # By id and time, as the feed's other cache keys: an id alone comes back after a rollback.
    position = version(ChangeEvent.objects.values_list("id", "occurred_at"))
    built_for = counters().get(Counter.RECONCILED, 0)
    where = (
        request.build_absolute_uri(request.path),
        settings.FEED_ATTRIBUTION,
        settings.FEED_LICENCE_NAME,
        settings.FEED_LICENCE_URL,
    )
    digest = hashlib.sha256(repr(where).encode()).hexdigest()[:16]
    return f"feed:atom:{locale}:{position}:{built_for}:{digest}"


def cached_feed(request, locale: str) -> tuple[bytes, str, int]:
    """The document, its ETag (a hash of its bytes) and its Last-Modified (a POSIX time): from the
    cache, else built and kept there."""
    key = cache_key(request, locale)
    found = cache.get(key)
    if found is None:
        body, last_modified = build_feed(request, locale)
        etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
        found = (body, etag, int(last_modified.timestamp()))
        cache.set(key, found, CACHE_SECONDS)
    return found
