"""Base view of the feed: strict parameters, the envelope, and HTTP caching done right.

Items are served from their public documents (changes/reconcile.py), rebuilt after every write
to content and shared by every server process. The ETag is the hash of the response's data, so
equal bodies carry equal ETags in every process and a changed body never gets a 304. Last-Modified
is the last change the response shows. Cache-Control's max-age never runs past the next scheduled
publish or expiry, nor past the next opening-hours change (every response says what is open)."""

import hashlib
import json
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import override
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Revision

from changes.models import ChangeEvent, PublicDocument
from changes.reconcile import ensure_current
from changes.snapshot import ORIGIN, next_expiry, serialise
from core.languages import content_languages
from feed.meta import feed_meta
from feed.params import check_raw_params, locales, negotiate_locale
from feed.tombstones import gone_or_not_found
from services.hours import next_transition, open_at
from services.models import Service
from services.representation import with_open_now

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
MAX_ID = 2**63 - 1  # larger ids cannot exist, and databases refuse to compare with them
LOCALE = OpenApiParameter("locale", str, enum=content_languages(), required=False)
ITEM_ID = OpenApiParameter(
    "id", {"type": "integer", "minimum": 0, "maximum": MAX_ID}, OpenApiParameter.PATH
)


def next_scheduled_change(now) -> datetime | None:
    """The next moment content goes live or expires on its own."""
    moments = [
        Revision.objects.filter(approved_go_live_at__gt=now).aggregate(
            m=Min("approved_go_live_at")
        )["m"],
        next_expiry(now),
    ]
    return min((m for m in moments if m), default=None)


def opening_rules() -> list[tuple]:
    """Published services' hours as plain values, cheap to cache and to evaluate."""
    services = Service.objects.filter(live=True).prefetch_related("hours")
    return [
        (
            s.pk,
            s.hours_mode,
            s.status == Service.Status.ACTIVE,
            tuple(p.as_period() for p in s.hours.all()),
        )
        for s in services
    ]


def open_state(rules, now) -> tuple[dict[int, bool | None], datetime | None]:
    """Each service's `open_now`, and when the first of them next changes."""
    values = {pk: open_at(mode, active, periods, now) for pk, mode, active, periods in rules}
    transitions = [next_transition(periods, now) for _, mode, _, periods in rules if periods]
    return values, min((t for t in transitions if t), default=None)


class FeedView(APIView):
    """GET-only feed endpoint; subclasses define `allowed_params` and `build()`."""

    allowed_params: set[str] = {"locale"}
    http_method_names = ["get", "head", "options"]
    parser_classes = ()  # read-only: the feed reads no request body
    # True: caches must ask every time (they get a 304 while nothing changed), for endpoints
    # whose point is to be current, such as /changes/.
    always_revalidate = False

    def get(self, request, *args, **kwargs):
        if kwargs.get("pk", 0) > MAX_ID:
            raise NotFound("No item has this id.")
        check_raw_params(request, self.allowed_params)
        self.locale = negotiate_locale(request, request.query_params.get("locale"))
        self.now = timezone.now()
        ensure_current()
        self.origin = f"{request.scheme}://{request.get_host()}"
        self.open_now, expires = self.timing()
        self.locale = self.item_locale(**kwargs) or self.locale
        with override(self.locale.language_code):
            data = self.envelope(self.build(request, **kwargs))
        etag = quote_etag(hashlib.sha256(serialise(data).encode()).hexdigest()[:32])
        last_modified = self.last_modified(**kwargs)
        if self.not_modified(request, etag, last_modified):
            response = Response(status=304)
        else:
            response = Response(data)
        max_age = settings.FEED_MAX_AGE
        if expires is not None:
            max_age = max(0, min(max_age, int((expires - self.now).total_seconds())))
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified.timestamp())
        response["Cache-Control"] = (
            "public, no-cache" if self.always_revalidate else f"public, max-age={max_age}"
        )
        response["Vary"] = "Accept-Language"
        response["Content-Language"] = self.locale.language_code
        return response

    def envelope(self, body: dict) -> dict:
        """The response's data: the feed's meta, then the body."""
        return {"meta": feed_meta(self.locale, self.now), **body}

    def item_locale(self, **kwargs):
        """A detail view answers in its item's language, whatever the request asks."""
        return None

    def last_modified(self, **kwargs) -> datetime:
        """When what this response shows last changed: by default, the last change of all."""
        return latest_change(ChangeEvent.objects.all())

    def timing(self) -> tuple[dict[int, bool | None], datetime | None]:
        """Each service's `open_now`, and the next moment a response may change on its own (an
        opening-hours change, a scheduled publish or expiry)."""
        # Hours only change with a published change; schedules only with a new revision. Keys
        # name the latest of each by id and time (an id alone comes back after a rollback).
        last_id = version(ChangeEvent.objects.values_list("id", "occurred_at"))
        last_revision = version(Revision.objects.values_list("id", "created_at"))
        rules = cache.get_or_set(f"feed:hours:{last_id}", opening_rules, 3600)
        open_now, transition = open_state(rules, self.now)
        scheduled = cache.get_or_set(
            f"feed:scheduled:{last_id}:{last_revision}",
            lambda: next_scheduled_change(self.now) or EPOCH,
            3600,
        )
        scheduled = scheduled if scheduled != EPOCH else None
        return open_now, min((m for m in (transition, scheduled) if m), default=None)

    @staticmethod
    def not_modified(request, etag: str, last_modified: datetime) -> bool:
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
            return "*" in tags or etag in tags
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return since is not None and int(last_modified.timestamp()) <= since

    def build(self, request, **kwargs) -> dict:
        raise NotImplementedError

    @staticmethod
    def valid_params(request, serializer_class) -> dict:
        """The query parameters validated by `serializer_class`, or a 400 naming the bad ones."""
        serializer = serializer_class(data=request.query_params)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def served(self, document: str) -> dict:
        """A stored document as this request gets it: on its host, with what is open now."""
        return with_open_now(json.loads(document.replace(ORIGIN, self.origin)), self.open_now)


def version(rows) -> str:
    """The latest row of (id, time) `rows` as a cache-key part ("0" when there is none)."""
    latest = rows.order_by("-id").first()
    return f"{latest[0]}-{latest[1].timestamp():.6f}" if latest else "0"


def latest_change(events) -> datetime:
    latest = events.order_by("-id").values_list("occurred_at", flat=True).first()
    return latest or EPOCH


class DocumentListView(FeedView):
    """One language's public documents of one type, filtered on their facets, in order."""

    object_type: str
    filters = None  # the serializer of the list's query parameters

    def matches(self, options: dict, object_id: int, facets: dict) -> bool:
        return True

    def last_modified(self, **kwargs):
        return latest_change(
            ChangeEvent.objects.filter(
                object_type=self.object_type, locale=self.locale.language_code
            )
        )

    def build(self, request):
        options = self.valid_params(request, self.filters)
        rows = PublicDocument.objects.filter(
            object_type=self.object_type, locale=self.locale.language_code
        ).order_by("position")
        ids = [
            pk
            for pk, object_id, facets in rows.values_list("pk", "object_id", "facets")
            if self.matches(options, object_id, facets)
        ]
        page = paginate(request, ids, options["page"], options["page_size"])
        documents = dict(
            PublicDocument.objects.filter(pk__in=page["results"]).values_list("pk", "document")
        )
        page["results"] = [self.served(documents[pk]) for pk in page["results"]]
        return page


class DocumentView(FeedView):
    """One item by id, in its own language; a removed item answers 410 with its tombstone."""

    object_type: str

    def item_locale(self, pk):
        self.document = PublicDocument.objects.filter(
            object_type=self.object_type, object_id=pk
        ).first()
        if self.document is None:
            gone_or_not_found(self.object_type, pk)
        return locales()[self.document.locale]

    def last_modified(self, **kwargs):
        return self.document.changed_at

    def build(self, request, pk):
        return {"data": self.served(self.document.document)}


def paginate(request, items, page: int, page_size: int) -> dict:
    """One pagination shape for every list: count, next, previous, results."""
    total = len(items) if isinstance(items, list) else items.count()
    start = (page - 1) * page_size
    return {
        **page_links(request, total, page, page_size),
        "results": items[start : start + page_size],
    }


def page_links(request, total: int, page: int, page_size: int) -> dict:
    """count, next and previous of one page of `total` items (results are the caller's)."""
    start = (page - 1) * page_size

    def link(number):
        query = request.query_params.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": total,
        "next": link(page + 1) if start + page_size < total else None,
        "previous": link(page - 1) if page > 1 and start < total + page_size else None,
    }
