"""Feed endpoints for the service library: /api/v1/services/ and /api/v1/services/{id}/."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers

from feed.base import ITEM_ID, LOCALE, FeedView, ItemView, paginate
from feed.params import PageParams, refuse_bad_params
from feed.schema import (
    PROBLEM,
    Constant,
    MetaSerializer,
    PageOf,
    ProblemSerializer,
    TranslationLinkSerializer,
    item_responses,
)
from feed.translations import translation_links
from services.models import Service
from services.representation import public_services, service_representation

# The OpenAPI shapes of what this module serves (the views build plain dicts).


class ChannelSerializer(serializers.Serializer):
    kind = serializers.CharField()
    value = serializers.CharField()
    href = serializers.CharField()
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
    website = serializers.CharField(allow_blank=True)


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    note = serializers.CharField(allow_blank=True)


class AddressSerializer(serializers.Serializer):
    confidential = serializers.BooleanField()
    street_address = serializers.CharField(required=False)
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
    offers_html = serializers.CharField(allow_blank=True)
    audience = serializers.CharField(allow_blank=True)
    languages = LanguageSerializer(many=True)
    file_language = serializers.CharField(allow_null=True)
    referral_rule = serializers.CharField(allow_blank=True)
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


def with_translations(service, request, now) -> dict:
    others = (
        Service.objects.filter(live=True, translation_key=service.translation_key)
        .exclude(pk=service.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    links = translation_links(service, request, "api:service-detail", others)
    return service_representation(service, request, links, now)


class ServiceListView(FeedView):
    allowed_params = {"locale", "language", "kind", "audience", "open_now", "page", "page_size"}

    @extend_schema(
        operation_id="list_services",
        summary="List services",
        parameters=[ServiceFilters, OPEN_NOW, LOCALE],
        responses={200: ServiceListSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """Published services in one language, with `open_now` in Brussels time."""
        refuse_bad_params(request, self.allowed_params, ServiceFilters)
        return super().get(request, *args, **kwargs)

    def build(self, request):
        options = self.valid_params(request, ServiceFilters)
        services = public_services().filter(locale=self.locale).order_by("slug")
        if "language" in options:
            services = services.filter(languages__language=options["language"]).distinct()
        if "kind" in options:
            services = services.filter(kind=options["kind"])
        if "audience" in options:
            services = services.filter(audience__icontains=options["audience"])
        services = list(services)
        if options.get("open_now") is not None:
            services = [s for s in services if bool(s.open_at(self.now)) == options["open_now"]]
        page = paginate(request, services, options["page"], options["page_size"])
        page["results"] = self.represent_all(
            request, "service", page["results"], lambda s: with_translations(s, request, self.now)
        )
        return page


class ServiceDetailView(ItemView):
    kind, model = "service", Service

    @extend_schema(
        operation_id="get_service",
        summary="Get a service",
        parameters=[ITEM_ID, LOCALE],
        responses=item_responses(ServiceDetailSerializer),
    )
    def get(self, request, *args, **kwargs):
        """One service record with every field, its translations and `open_now`."""
        return super().get(request, *args, **kwargs)

    def public_items(self):
        return public_services()

    def represent(self, item, request):
        return with_translations(item, request, self.now)
