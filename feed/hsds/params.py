"""The query parameters of the HSDS operations, as Open Referral's openapi.json names them; a bad
value is a 400 problem naming the parameter (feed/problems.py)."""

from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from search.searcher import NothingToSearch

PAGE_SIZE, MAX_PAGE_SIZE = 50, 100
# `minimal` asks for every service in one call: its pages are this long unless `per_page` says.
MAX_MINIMAL_PAGE_SIZE = 1000
# Parameters of the standard that the records cannot answer, and why.
UNSUPPORTED = {
    "postcode": "Not supported: the services have no service areas and no coordinates.",
    "proximity": "Not supported: the services have no coordinates.",
}


@extend_schema_field({"type": "string", "format": "date-time"})
class ModifiedAfterField(serializers.CharField):
    """An ISO 8601 date-time with a time zone, e.g. 2026-11-28T08:00:00Z."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        try:
            moment = parse_datetime(value)
        except ValueError:  # well formed but impossible: month 13, hour 99, offset +25:00
            moment = None
        if moment is None or moment.tzinfo is None:
            raise serializers.ValidationError(
                "Give an ISO 8601 date-time with a time zone, e.g. 2026-11-28T08:00:00Z."
            )
        return moment


class HsdsPage(serializers.Serializer):
    page = serializers.IntegerField(
        min_value=1, max_value=100_000, default=1, help_text="The page to return, from 1."
    )
    per_page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        required=False,
        help_text=f"Default {PAGE_SIZE}; with `minimal`, {MAX_MINIMAL_PAGE_SIZE} (every service "
        "in one page).",
    )

    def validate(self, data):
        data.setdefault("per_page", MAX_MINIMAL_PAGE_SIZE if data.get("minimal") else PAGE_SIZE)
        return data


class SearchParam(serializers.Serializer):
    search = serializers.RegexField(
        r"\w",
        required=False,
        max_length=200,
        error_messages={"invalid": NothingToSearch.message},
        help_text="Full-text search (services: the site's search, with stemming, accent folding "
        "and typo tolerance; other records: every word in the name or description).",
    )


class ServiceFilters(serializers.Serializer):
    organization_id = serializers.UUIDField(
        required=False,
        help_text="Services of this organisation (its id in any language); in the list's language.",
    )
    taxonomy_id = serializers.UUIDField(
        required=False, help_text="Services with a term of this taxonomy (service kinds)."
    )
    taxonomy_term_id = serializers.UUIDField(
        required=False, help_text="Services with this term (a service kind)."
    )
    modified_after = ModifiedAfterField(
        required=False,
        help_text="Only records changed at or after this time (ISO 8601 with a time zone).",
    )


class FullParam(serializers.Serializer):
    full = serializers.BooleanField(
        default=False, help_text="Fully nested records instead of one-to-one fields."
    )


class ServiceListParams(SearchParam, ServiceFilters, FullParam, HsdsPage):
    minimal = serializers.BooleanField(
        default=False,
        help_text="Only each service's id and last_modified (with the name and status that "
        f"every HSDS service carries), {MAX_MINIMAL_PAGE_SIZE} to a page; wins over `full`.",
    )


class ServiceAtLocationListParams(SearchParam, ServiceFilters, FullParam, HsdsPage):
    pass


class FullServiceParam(serializers.Serializer):
    full_service = serializers.BooleanField(
        default=False, help_text="The organisation's services fully nested."
    )


class OrganizationListParams(SearchParam, FullServiceParam, FullParam, HsdsPage):
    pass


class TaxonomyListParams(SearchParam, HsdsPage):
    pass


class TaxonomyTermListParams(SearchParam, HsdsPage):
    taxonomy_id = serializers.UUIDField(required=False, help_text="Terms of this taxonomy.")
    top_only = serializers.BooleanField(
        default=False,
        help_text="Only top-level terms (the service kinds are a flat list: every term is).",
    )
    parent_id = serializers.UUIDField(
        required=False, help_text="Terms under this term (none: the list is flat)."
    )
