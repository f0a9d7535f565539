"""/api/v1/changes/: every publish, update, unpublish and delete, in order, for incremental sync."""

import re
from datetime import datetime

from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from changes.models import ChangeEvent
from core.languages import content_languages
from core.links import api_url
from feed.base import FeedView
from feed.schema import PROBLEM, MetaSerializer, ProblemSerializer

CURSOR = re.compile(r"[0-9]{1,18}")  # ASCII digits only ("²".isdigit() is true), below 2**63
DETAIL_ROUTES = {
    "section": "api:section-detail",
    "service": "api:service-detail",
    "fact_sheet": "api:fact-sheet-detail",
}


# The OpenAPI shapes of what this module serves (the views build plain dicts).


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.IntegerField()
    action = serializers.ChoiceField(["published", "updated", "unpublished", "deleted"])
    type = serializers.ChoiceField(list(DETAIL_ROUTES))
    id = serializers.IntegerField()
    identifier = serializers.CharField()
    locale = serializers.CharField()
    translation_key = serializers.UUIDField()
    occurred_at = serializers.DateTimeField()
    api_url = serializers.URLField()


class ChangeListSerializer(serializers.Serializer):
    meta = MetaSerializer()
    results = ChangeSerializer(many=True)
    next_cursor = serializers.IntegerField()
    has_more = serializers.BooleanField()


class SinceField(serializers.CharField):
    """A cursor (the last `cursor` you saw) or an ISO 8601 timestamp with a time zone."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if CURSOR.fullmatch(value):
            return int(value)
        try:
            moment = parse_datetime(value)
        except ValueError:  # well formed but impossible: month 13, hour 99, offset +25:00
            moment = None
        if moment is None or moment.tzinfo is None:
            raise serializers.ValidationError(
                "Give a cursor (a whole number from `next_cursor`) or an ISO 8601 timestamp "
                "with a time zone, e.g. 2026-11-28T08:00:00Z."
            )
        return moment


class ChangeFilters(serializers.Serializer):
    since = SinceField(required=False)
    limit = serializers.IntegerField(
        min_value=1, max_value=1000, default=200, help_text="Changes in one answer, at most."
    )
    locale = serializers.ChoiceField(
        content_languages(), required=False, help_text="Only this language's changes."
    )


def change_representation(event: ChangeEvent, request) -> dict:
    return {
        "cursor": event.id,
        "action": event.action,
        "type": event.object_type,
        "id": event.object_id,
        "identifier": event.identifier,
        "locale": event.locale,
        "translation_key": str(event.translation_key),
        "occurred_at": event.occurred_at,
        "api_url": api_url(request, DETAIL_ROUTES[event.object_type], event.object_id),
    }


class ChangesView(FeedView):
    """Changes after a cursor, oldest first. Without `locale` every language is listed."""

    allowed_params = {"since", "limit", "locale"}
    always_revalidate = True  # a poller behind a cache sees a change as soon as it is made

    @extend_schema(
        operation_id="list_changes",
        summary="List changes since a cursor",
        parameters=[
            ChangeFilters,
            OpenApiParameter(
                "since",
                {"type": "integer", "minimum": 0, "maximum": 10**18 - 1},
                required=False,
                description="The `next_cursor` of your last sync. An ISO 8601 timestamp with a "
                "time zone is also accepted.",
            ),
        ],
        responses={200: ChangeListSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """Publish, update, unpublish and delete events after `since`, with tombstones."""
        return super().get(request, *args, **kwargs)

    def build(self, request):
        options = self.valid_params(request, ChangeFilters)
        events = ChangeEvent.objects.order_by("id")
        since = options.get("since")
        if isinstance(since, int):
            events = events.filter(id__gt=since)
        elif isinstance(since, datetime):
            events = events.filter(occurred_at__gt=since)
        if "locale" in options:
            events = events.filter(locale=options["locale"])
        limit = options["limit"]
        window = list(events[: limit + 1])
        has_more = len(window) > limit
        window = window[:limit]
        last = window[-1].id if window else (since if isinstance(since, int) else self.latest_id())
        return {
            "results": [change_representation(e, request) for e in window],
            "next_cursor": last,
            "has_more": has_more,
        }

    @staticmethod
    def latest_id() -> int:
        return ChangeEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
