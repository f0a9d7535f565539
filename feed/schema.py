"""Response shapes of the feed, for the OpenAPI schema (the views build plain dicts)."""

from rest_framework import serializers

PROBLEM = "application/problem+json"


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


class SectionLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField()
    api_url = serializers.URLField()


class FactSheetLinkSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.URLField()


class BlockSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="paragraph, heading, callout, criteria, definitions, "
                                 "cycle, warning_signs, do_dont, further_information, citation, "
                                 "factsheet_reference or service")  # fmt: skip
    id = serializers.CharField()
    value = serializers.JSONField(help_text="Typed by `type`; rich text as rendered HTML.")


class ReviewSerializer(serializers.Serializer):
    last_reviewed_on = serializers.DateField(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)


class SectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField()
    number = serializers.CharField()
    part = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    locale = serializers.CharField()
    translation_key = serializers.UUIDField()
    fact_sheet = FactSheetLinkSerializer(allow_null=True)
    url = serializers.URLField()
    api_url = serializers.URLField()
    translations = TranslationLinkSerializer(many=True)
    breadcrumb = SectionLinkSerializer(many=True)
    parent = SectionLinkSerializer(allow_null=True)
    children = SectionLinkSerializer(many=True)
    topics = serializers.ListField(child=serializers.CharField())
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    review = ReviewSerializer()
    body = BlockSerializer(many=True)


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
    type = serializers.CharField()
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


class PageOf(serializers.Serializer):
    meta = MetaSerializer()
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)


class SectionListSerializer(PageOf):
    results = SectionSerializer(many=True)


class SectionDetailSerializer(serializers.Serializer):
    meta = MetaSerializer()
    data = SectionSerializer()


class ServiceListSerializer(PageOf):
    results = ServiceSerializer(many=True)


class ServiceDetailSerializer(serializers.Serializer):
    meta = MetaSerializer()
    data = ServiceSerializer()


class ChangeSerializer(serializers.Serializer):
    cursor = serializers.IntegerField()
    action = serializers.ChoiceField(["published", "updated", "unpublished", "deleted"])
    type = serializers.ChoiceField(["section", "service"])
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


def only_the_feed(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: document the partner feed, not the admin's APIs
    (nor /api/hsds/, which Open Referral's own OpenAPI description documents)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
