"""Response shapes of the feed, for the OpenAPI schema (the views build plain dicts)."""

from rest_framework import serializers

from feed.problems import PROBLEM


class ProblemSerializer(serializers.Serializer):
    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(allow_null=True)
    invalid_params = serializers.ListField(child=serializers.DictField(), required=False)


class EmergencyLineSerializer(serializers.Serializer):
    number = serializers.CharField()
    href = serializers.CharField()
    purpose = serializers.CharField()
    label = serializers.CharField()
    service = serializers.CharField()
    free = serializers.BooleanField(allow_null=True)
    available_24_7 = serializers.BooleanField()
    open_now = serializers.BooleanField(allow_null=True)


class QuickExitSerializer(serializers.Serializer):
    required = serializers.BooleanField()
    guidance = serializers.CharField()


class SafetySerializer(serializers.Serializer):
    emergency_lines = EmergencyLineSerializer(many=True)
    quick_exit = QuickExitSerializer()


class LicenceSerializer(serializers.Serializer):
    name = serializers.CharField(allow_blank=True)
    url = serializers.CharField(allow_blank=True)


class MetaSerializer(serializers.Serializer):
    api_version = serializers.CharField()
    locale = serializers.CharField()
    attribution = serializers.CharField(allow_blank=True)
    licence = LicenceSerializer()
    safety = SafetySerializer()


class TranslationLinkSerializer(serializers.Serializer):
    locale = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    api_url = serializers.URLField()
    status = serializers.ChoiceField(["source", "up_to_date", "out_of_date"])


class PageOf(serializers.Serializer):
    meta = MetaSerializer()
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)


def item_responses(detail) -> dict:
    """The OpenAPI responses of one item's endpoint: the item, 304, and the problems."""
    problem = ProblemSerializer
    return {200: detail, 304: None, (400, PROBLEM): problem, (404, PROBLEM): problem,
            (410, PROBLEM): problem}  # fmt: skip


def only_the_feed(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: document the partner feed and its HSDS view, not
    the admin's APIs."""
    return [e for e in endpoints if e[0].startswith(("/api/v1/", "/api/hsds/"))]
