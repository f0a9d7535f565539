"""Feed endpoints for guidance sections: /api/v1/sections/ and /api/v1/sections/{id}/."""

from rest_framework import serializers

from feed.base import DocumentListView, DocumentView
from feed.blocks import section_body
from feed.params import PageParams
from feed.schema import (
    Constant,
    MetaSerializer,
    PageOf,
    TranslationLinkSerializer,
    detail_operation,
    list_operation,
)
from knowledge.models import Topic
from knowledge.numbers import PART_NUMBER, SECTION_NUMBER

# The OpenAPI shapes of what this module serves (the views build plain dicts).


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


class ReviewSerializer(serializers.Serializer):
    last_reviewed_on = serializers.DateField(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)


class SectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = Constant("section")
    number = serializers.CharField()
    part = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField(allow_blank=True)
    search_terms = serializers.CharField(
        allow_blank=True,
        help_text="Words and phrases people use for what the section answers, comma-separated"
        " (written by editors for search; not shown on the site).",
    )
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
    body = section_body(many=True)


class SectionListSerializer(PageOf):
    results = SectionSerializer(many=True)


class SectionDetailSerializer(serializers.Serializer):
    meta = MetaSerializer()
    data = SectionSerializer()


class SectionFilters(PageParams):
    fact_sheet = serializers.SlugField(
        required=False, max_length=80, help_text="Only the sections of this fact sheet (slug)."
    )
    part = serializers.RegexField(
        PART_NUMBER, required=False, max_length=1, help_text="Only this part (A, B)."
    )
    parent = serializers.RegexField(
        SECTION_NUMBER, required=False, max_length=20, help_text="Only this section's children."
    )
    number = serializers.RegexField(
        SECTION_NUMBER, required=False, max_length=20, help_text="Only the section numbered so."
    )
    topic = serializers.ChoiceField(
        Topic.values, required=False, help_text="Only sections about this topic."
    )


@list_operation(
    "list_sections",
    "List sections",
    "Sections of the fact sheets in one language, in reading order.",
    SectionListSerializer,
    SectionFilters,
)
class SectionListView(DocumentListView):
    object_type, filters = "section", SectionFilters
    allowed_params = {
        "locale", "fact_sheet", "part", "parent", "number", "topic", "page", "page_size",
    }  # fmt: skip

    def matches(self, options, object_id, facets):
        return all(
            facets[name] == options[name]
            for name in ("fact_sheet", "part", "parent", "number")
            if name in options
        ) and ("topic" not in options or options["topic"] in facets["topics"])


@detail_operation(
    "get_section",
    "Get a section",
    "One section, its structured body with live service records, and its translations.",
    SectionDetailSerializer,
)
class SectionDetailView(DocumentView):
    object_type = "section"
