"""Feed endpoints for the fact sheets themselves: their preface and their contents."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from feed.base import ITEM_ID, LOCALE, DocumentListView, DocumentView
from feed.blocks import section_body
from feed.params import PageParams
from feed.schema import (
    PROBLEM,
    Constant,
    MetaSerializer,
    PageOf,
    ProblemSerializer,
    TranslationLinkSerializer,
    item_responses,
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


class FactSheetListView(DocumentListView):
    object_type, filters = "fact_sheet", PageParams
    allowed_params = {"locale", "page", "page_size"}

    @extend_schema(
        operation_id="list_fact_sheets",
        summary="Fact sheets of one language",
        parameters=[PageParams, LOCALE],
        responses={200: FactSheetListSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """The fact sheets in one language, each with its preface and contents."""
        return super().get(request, *args, **kwargs)


class FactSheetDetailView(DocumentView):
    object_type = "fact_sheet"

    @extend_schema(
        operation_id="get_fact_sheet",
        summary="One fact sheet, its preface and contents",
        parameters=[ITEM_ID, LOCALE],
        responses=item_responses(FactSheetDetailSerializer),
    )
    def get(self, request, *args, **kwargs):
        """One fact sheet: its preface (such as its IMPORTANT notice) and its contents."""
        return super().get(request, *args, **kwargs)
