"""The OpenAPI shapes of the HSDS documents, as this API fills them (the views build plain dicts).

Each is the part of Open Referral's compiled schema that the records can fill, with the same
names, types and required fields; what is unknown is left out, never null. The tests validate
the documents against Open Referral's own schemas."""

from rest_framework import serializers


def optional(field_class, **kwargs):
    return field_class(required=False, **kwargs)


class HsdsRootSerializer(serializers.Serializer):
    version = serializers.CharField()
    profile = serializers.URLField()
    openapi_url = serializers.URLField()


class HsdsPhoneSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    number = serializers.CharField()
    type = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


class HsdsScheduleSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    freq = optional(serializers.ChoiceField, choices=["WEEKLY"])
    wkst = optional(serializers.ChoiceField, choices=["MO"])
    byday = optional(serializers.ChoiceField, choices=["MO", "TU", "WE", "TH", "FR", "SA", "SU"])
    opens_at = optional(serializers.CharField, help_text="HH:MM, Europe/Brussels.")
    closes_at = optional(serializers.CharField, help_text="HH:MM, Europe/Brussels.")
    description = serializers.CharField()
    notes = optional(serializers.CharField)


class HsdsLanguageSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    name = serializers.CharField()
    code = serializers.CharField()
    note = optional(serializers.CharField)


class HsdsAddressSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    address_1 = serializers.CharField()
    city = serializers.CharField(allow_blank=True)
    state_province = serializers.CharField()
    postal_code = serializers.CharField(allow_blank=True)
    country = serializers.CharField()
    address_type = serializers.CharField(help_text="physical")


class HsdsLocationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    location_type = serializers.ChoiceField(["physical"])
    organization_id = optional(serializers.UUIDField)
    name = serializers.CharField()
    addresses = optional(
        HsdsAddressSerializer,
        many=True,
        help_text="Full documents only; empty outside the Brussels-Capital Region.",
    )


class HsdsServiceAtLocationInServiceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    location = HsdsLocationSerializer()


class HsdsOrganizationSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    alternate_name = optional(serializers.CharField)
    description = serializers.CharField()
    website = optional(serializers.URLField)


class HsdsTaxonomySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    description = serializers.CharField()


class HsdsTaxonomyTermSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    taxonomy_id = serializers.UUIDField()
    taxonomy_detail = HsdsTaxonomySerializer()
    language = serializers.CharField()


class HsdsAttributeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    link_id = serializers.UUIDField()
    link_entity = serializers.ChoiceField(["service"])
    taxonomy_term_id = serializers.UUIDField()
    taxonomy_term = HsdsTaxonomyTermSerializer()


class HsdsServiceSerializer(serializers.Serializer):
    """A service: lists give its one-to-one fields (with `minimal`, only id, name, status and
    last_modified); a full service adds the nested arrays."""

    id = serializers.UUIDField()
    organization_id = optional(serializers.UUIDField)
    name = serializers.CharField()
    alternate_name = optional(serializers.CharField)
    description = optional(serializers.CharField, allow_blank=True)
    url = optional(serializers.URLField)
    email = optional(serializers.EmailField)
    status = serializers.ChoiceField(["active", "temporarily closed"])
    interpretation_services = optional(serializers.CharField)
    application_process = optional(serializers.CharField)
    eligibility_description = optional(serializers.CharField)
    assured_date = optional(serializers.DateField)
    last_modified = optional(serializers.DateTimeField)
    phones = optional(HsdsPhoneSerializer, many=True)
    schedules = optional(HsdsScheduleSerializer, many=True)
    languages = optional(HsdsLanguageSerializer, many=True)
    service_at_locations = optional(HsdsServiceAtLocationInServiceSerializer, many=True)
    organization = optional(HsdsOrganizationSummarySerializer)
    attributes = optional(HsdsAttributeSerializer, many=True)


class HsdsOrganizationSerializer(HsdsOrganizationSummarySerializer):
    """An organisation: lists give its one-to-one fields, a full one adds its public services
    (with `full_service`, fully nested) and their locations."""

    services = optional(HsdsServiceSerializer, many=True)
    locations = optional(HsdsLocationSerializer, many=True)


class HsdsServiceAtLocationSerializer(serializers.Serializer):
    """A service at its location: lists give one-to-one fields (the location without its address,
    the service's list fields); a full one nests the address and the full service."""

    id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    location_id = serializers.UUIDField()
    location = HsdsLocationSerializer()
    service = HsdsServiceSerializer()


class HsdsPageSerializer(serializers.Serializer):
    """The Page of Open Referral's openapi.json, with `contents`."""

    total_items = serializers.IntegerField()
    total_pages = serializers.IntegerField()
    page_number = serializers.IntegerField()
    size = serializers.IntegerField()
    first_page = serializers.BooleanField()
    last_page = serializers.BooleanField()
    empty = serializers.BooleanField()


class HsdsServicePageSerializer(HsdsPageSerializer):
    contents = HsdsServiceSerializer(many=True)


class HsdsOrganizationPageSerializer(HsdsPageSerializer):
    contents = HsdsOrganizationSerializer(many=True)


class HsdsServiceAtLocationPageSerializer(HsdsPageSerializer):
    contents = HsdsServiceAtLocationSerializer(many=True)


class HsdsTaxonomyPageSerializer(HsdsPageSerializer):
    contents = HsdsTaxonomySerializer(many=True)


class HsdsTaxonomyTermPageSerializer(HsdsPageSerializer):
    contents = HsdsTaxonomyTermSerializer(many=True)
