"""Feed endpoints for the fact sheets themselves: their preface and their contents."""

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
from feed.sections import SectionLinkSerializer

# The OpenAPI shapes of what this module serves (the views build plain dicts).


class ContentsEntrySerializer(SectionLinkSerializer):
    level = serializers.IntegerField(help_text="1 for a part, 2 for its sections, and so on.")


class FactSheetSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = Constant("fact_sheet")
    slug = serializers.CharField()
    title = serializers.CharField()
    subtitle = serializers.CharField(allow_blank=True)
    summary = serializers.CharField(allow_blank=True)
    locale = serializers.CharField()
    translation_key = serializers.UUIDField()
    url = serializers.URLField()
    api_url = serializers.URLField()
    translations = TranslationLinkSerializer(many=True)
    preface = section_body(many=True)
    contents = ContentsEntrySerializer(many=True, help_text="Published sections, reading order.")
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)


class FactSheetListSerializer(PageOf):
    results = FactSheetSerializer(many=True)


class FactSheetDetailSerializer(serializers.Serializer):
    meta = MetaSerializer()
    data = FactSheetSerializer()


@list_operation(
    "list_fact_sheets",
    "Fact sheets of one language",
    "The fact sheets in one language, each with its preface and contents.",
    FactSheetListSerializer,
    PageParams,
)
class FactSheetListView(DocumentListView):
    object_type, filters = "fact_sheet", PageParams
    allowed_params = {"locale", "page", "page_size"}


@detail_operation(
    "get_fact_sheet",
    "One fact sheet, its preface and contents",
    "One fact sheet: its preface (such as its IMPORTANT notice) and its contents.",
    FactSheetDetailSerializer,
)
class FactSheetDetailView(DocumentView):
    object_type = "fact_sheet"
