"""Response shapes of the feed, for the OpenAPI schema (the views build plain dicts), and how
drf-spectacular inspects the feed's views and chooses which it documents."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from feed.base import ITEM_ID, LOCALE
from feed.problems import PROBLEM

RICH_TEXT_HELP = (
    "Rendered HTML, links resolved and cleaned: only p, br, b, i, ul, ol, li and a; a link's "
    "href is http(s), mailto:, tel: or a path on the site (a link without href is text), "
    'and it carries rel="noreferrer noopener".'
)


class FeedSchema(AutoSchema):
    """drf-spectacular's inspector for the feed."""

    def get_auth(self):
        """No security requirement: nothing in the feed needs credentials. (For AllowAny
        drf-spectacular says `security: [{}]`, "optional authentication", so generated clients
        ask for credentials, and a client that sends `Authorization` defeats shared caches.)"""
        return []

    def get_tags(self):
        """The feed's parts: the root, HSDS, else the first segment after /api/v1/."""
        if self.path.startswith("/api/hsds/"):
            return ["hsds"]
        segment = self.path.removeprefix("/api/v1/").split("/")[0]
        return [segment or "feed"]


class Constant(serializers.Field):
    """A field that always holds one string (an item's or a block's `type`): `const` in the
    schema, and the value drf-spectacular reads for a discriminator's mapping."""

    def __init__(self, constant: str, **kwargs):
        self.constant = constant
        super().__init__(**kwargs)

    def to_representation(self, value):
        return self.constant


class ConstantExtension(OpenApiSerializerFieldExtension):
    target_class = Constant

    def map_serializer_field(self, auto_schema, direction):
        return {"type": "string", "const": self.target.constant}


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The query parameter.")
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField(help_text="Always `about:blank`: `title` says it all.")
    title = serializers.CharField(help_text="The HTTP status phrase.")
    status = serializers.IntegerField()
    detail = serializers.CharField(allow_null=True)
    invalid_params = InvalidParamSerializer(
        many=True, required=False, help_text="On a 400: each invalid parameter and why."
    )


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


def list_operation(operation_id: str, summary: str, description: str, page, *parameters):
    """A list's GET in the OpenAPI: its filters and language, a page of results, 304, 400."""
    return extend_schema_view(
        get=extend_schema(
            operation_id=operation_id,
            summary=summary,
            description=description,
            parameters=[*parameters, LOCALE],
            responses={200: page, 304: None, (400, PROBLEM): ProblemSerializer},
        )
    )


def detail_operation(operation_id: str, summary: str, description: str, detail):
    """An item's GET in the OpenAPI: the item, 304, and the problems (410: removed)."""
    problem = ProblemSerializer
    return extend_schema_view(
        get=extend_schema(
            operation_id=operation_id,
            summary=summary,
            description=description,
            parameters=[ITEM_ID, LOCALE],
            responses={
                200: detail,
                304: None,
                (400, PROBLEM): problem,
                (404, PROBLEM): problem,
                (410, PROBLEM): problem,
            },  # fmt: skip
        )
    )


def only_the_feed(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: document the partner feed and its HSDS view, not
    the admin's APIs."""
    return [e for e in endpoints if e[0].startswith(("/api/v1/", "/api/hsds/"))]
