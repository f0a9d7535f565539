"""Base view of the feed: strict parameters, the envelope, and HTTP caching done right.

Every response carries an ETag and Last-Modified derived from the change log (plus, where
opening hours matter, the current open/closed state), so a conditional request is answered 304
before any body is built. Cache-Control's max-age never runs past the next scheduled publish or
expiry, nor past the next opening-hours change when the response says what is open now."""

import hashlib
from datetime import UTC, datetime
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import override
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page, Revision

from changes.models import ChangeEvent
from core.languages import content_languages
from feed.meta import feed_meta
from feed.params import check_raw_params, negotiate_locale
from feed.tombstones import gone_or_not_found
from services.hours import next_transition, open_at
from services.models import Service

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
        Page.objects.filter(live=True, expire_at__gt=now).aggregate(m=Min("expire_at"))["m"],
        Service.objects.filter(live=True, expire_at__gt=now).aggregate(m=Min("expire_at"))["m"],
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


def open_state(rules, now) -> tuple[str, datetime | None]:
    """Which services are open now, and when that next changes."""
    open_ids = [pk for pk, mode, active, periods in rules if open_at(mode, active, periods, now)]
    transitions = [next_transition(periods, now) for _, mode, _, periods in rules if periods]
    return ",".join(map(str, open_ids)), min((t for t in transitions if t), default=None)


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
        etag, last_modified, expires = self.validators(request, **kwargs)
        if self.not_modified(request, etag, last_modified):
            response = Response(status=304)
        else:
            self.locale = self.item_locale(**kwargs) or self.locale
            with override(self.locale.language_code):
                body = self.build(request, **kwargs)
            response = Response({"meta": feed_meta(self.locale, self.now), **body})
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

    def item_locale(self, **kwargs):
        """A detail view answers in its item's language, whatever the request asks."""
        return None

    def validators(self, request, **kwargs) -> tuple[str, datetime, datetime | None]:
        latest = ChangeEvent.objects.order_by("-id").values("id", "occurred_at").first()
        last_id, last_modified = (latest["id"], latest["occurred_at"]) if latest else (0, EPOCH)
        # Hours only change with a published change; schedules only with a new revision.
        last_revision = Revision.objects.order_by("-id").values_list("id", flat=True).first()
        rules = cache.get_or_set(f"feed:hours:{last_id}", opening_rules, 3600)
        open_ids, transition = open_state(rules, self.now)
        scheduled = cache.get_or_set(
            f"feed:scheduled:{last_id}:{last_revision}",
            lambda: next_scheduled_change(self.now) or EPOCH,
            3600,
        )
        scheduled = scheduled if scheduled != EPOCH else None
        expires = min((m for m in (transition, scheduled) if m), default=None)
        query = sorted(request.query_params.items())
        self.open_token = hashlib.sha256(open_ids.encode()).hexdigest()[:12]
        fingerprint = (
            f"v1|{request.path}|{query}|{self.locale.language_code}|{last_id}|{self.open_token}"
        )
        etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
        return etag, last_modified, expires

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

    def represent_all(self, request, kind: str, items, represent) -> list[dict]:
        """Items' representations, each reused until the change log records a change to that
        item or the open/closed state moves on (both are in the key, so never stale: a change
        that alters how an item looks is recorded for that item too, see changes/recorder.py)."""
        versions = dict(
            ChangeEvent.objects.filter(object_type=kind, object_id__in=[i.pk for i in items])
            .values("object_id")
            .annotate(last=Max("id"))
            .values_list("object_id", "last")
        )
        origin = f"{request.scheme}://{request.get_host()}"
        results = []
        for item in items:
            key = f"feed:{kind}:{item.pk}:{versions.get(item.pk)}:{self.open_token}:{origin}"
            data = cache.get(key)
            if data is None:
                data = represent(item)
                cache.set(key, data, settings.FEED_MAX_AGE * 12)
            results.append(data)
        return results


class ItemView(FeedView):
    """One item by id, in its own language; a removed item answers 410 with its tombstone."""

    allowed_params = {"locale"}
    kind: str  # "section" or "service", as in the change log
    model = None

    def public_items(self):
        raise NotImplementedError

    def represent(self, item, request) -> dict:
        raise NotImplementedError

    def item_locale(self, pk):
        item = self.model.objects.filter(pk=pk).select_related("locale").first()
        return item.locale if item else None

    def build(self, request, pk):
        item = self.public_items().filter(pk=pk).first()
        if item is None:
            gone_or_not_found(self.kind, pk)
        represent = partial(self.represent, request=request)
        return {"data": self.represent_all(request, self.kind, [item], represent)[0]}


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
