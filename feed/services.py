"""Feed endpoints for the service library: /api/v1/services/ and /api/v1/services/{id}/."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from feed.base import DocumentListView, DocumentView
from feed.params import PageParams
from feed.schema import (
    RICH_TEXT_HELP,
    Constant,
    MetaSerializer,
    PageOf,
    TranslationLinkSerializer,
    detail_operation,
    list_operation,
)
from services.models import Service

# The OpenAPI shapes of what this module serves (the views build plain dicts).


class ChannelSerializer(serializers.Serializer):
    kind = serializers.CharField()
    value = serializers.CharField()
    href = serializers.CharField(
        allow_null=True,
        help_text="Null when a website or chat value is no web address: show the value as text.",
    )
    label = serializers.CharField(allow_blank=True)
    purpose = serializers.CharField()
    free = serializers.BooleanField(allow_null=True)
    anonymous = serializers.BooleanField(allow_null=True)
    availability = serializers.CharField()


class PeriodSerializer(serializers.Serializer):
    weekday = serializers.CharField()
    opens = serializers.CharField()
    closes = serializers.CharField()


class HoursSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(["weekly", "always", "appointment", "unknown"])
    time_zone = serializers.CharField()
    note = serializers.CharField(allow_blank=True)
    weekly = PeriodSerializer(many=True)


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField(allow_blank=True)
    website = serializers.CharField(
        allow_blank=True, help_text="Empty when unknown (or when the value is no web address)."
    )


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    note = serializers.CharField(allow_blank=True)


class AddressSerializer(serializers.Serializer):
    confidential = serializers.BooleanField()
    street_address = serializers.CharField(
        required=False, help_text="The street and number on one line, in the record's language."
    )
    street = serializers.CharField(
        required=False,
        help_text="The street's name in the record's language (Brussels streets have a French "
        "and a Dutch name; English records give both: 'Rue des Colonies / Koloniënstraat').",
    )
    street_number = serializers.CharField(required=False, allow_blank=True)
    postal_code = serializers.CharField(required=False)
    locality = serializers.CharField(required=False)


class VerifiedSerializer(serializers.Serializer):
    on = serializers.DateField(allow_null=True)
    by = serializers.CharField(allow_null=True)


class ServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = Constant("service")
    slug = serializers.CharField()
    locale = serializers.CharField()
    translation_key = serializers.UUIDField()
    name = serializers.CharField()
    short_name = serializers.CharField(allow_blank=True)
    organisation = OrganisationSerializer(allow_null=True)
    kind = serializers.CharField()
    status = serializers.ChoiceField(["active", "temporarily_closed", "closed"])
    description = serializers.CharField(allow_blank=True)
    offers_html = serializers.CharField(allow_blank=True, help_text=RICH_TEXT_HELP)
    audience = serializers.CharField(allow_blank=True)
    languages = LanguageSerializer(many=True)
    file_language = serializers.CharField(allow_null=True)
    referral_rule = serializers.CharField(allow_blank=True)
    search_terms = serializers.CharField(
        allow_blank=True,
        help_text="Words and phrases people use for what the service offers, comma-separated"
        " (written by editors for search; not shown on the site).",
    )
    address = AddressSerializer()
    channels = ChannelSerializer(many=True)
    hours = HoursSerializer()
    open_now = serializers.BooleanField(allow_null=True)
    last_verified = VerifiedSerializer()
    last_published_at = serializers.DateTimeField(allow_null=True)
    api_url = serializers.URLField()
    translations = TranslationLinkSerializer(many=True, required=False)


class ServiceListSerializer(PageOf):
    results = ServiceSerializer(many=True)


class ServiceDetailSerializer(serializers.Serializer):
    meta = MetaSerializer()
    data = ServiceSerializer()


OPEN_NOW = OpenApiParameter(  # a query sends true or false, never null: boolean in the schema
    "open_now",
    bool,
    required=False,
    description="true: only services open now (Brussels time); false: only closed ones.",
)


class OpenNowField(serializers.BooleanField):
    NULL_VALUES = {None}  # absent is "open or not"; `?open_now=null` is not a boolean: a 400


class ServiceFilters(PageParams):
    language = serializers.RegexField(
        r"^[a-z]{2,3}$",
        required=False,
        max_length=3,
        help_text="Only services that serve people in this language (ISO 639 code).",
    )
    kind = serializers.ChoiceField(
        Service.Kind.values, required=False, help_text="Only services of this kind."
    )
    audience = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Only services whose audience mentions this text (any case).",
    )
    open_now = OpenNowField(
        required=False,
        allow_null=True,  # absent: open or not
        default=None,
        help_text=OPEN_NOW.description,
    )


@list_operation(
    "list_services",
    "List services",
    "Published services in one language, with `open_now` in Brussels time.",
    ServiceListSerializer,
    ServiceFilters,
    OPEN_NOW,
)
class ServiceListView(DocumentListView):
    object_type, filters = "service", ServiceFilters
    allowed_params = {"locale", "language", "kind", "audience", "open_now", "page", "page_size"}

    def matches(self, options, object_id, facets):
        audience = options.get("audience")
        open_now = options.get("open_now")
        return (
            ("language" not in options or options["language"] in facets["languages"])
            and ("kind" not in options or facets["kind"] == options["kind"])
            and (not audience or audience.casefold() in facets["audience"].casefold())
            and (open_now is None or bool(self.open_now.get(object_id)) == open_now)
        )


@detail_operation(
    "get_service",
    "Get a service",
    "One service record with every field, its translations and `open_now`.",
    ServiceDetailSerializer,
)
class ServiceDetailView(DocumentView):
    object_type = "service"
