"""Feed endpoints for guidance sections: /api/v1/sections/ and /api/v1/sections/{id}/."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from feed.base import ITEM_ID, LOCALE, FeedView, ItemView, paginate
from feed.blocks import section_body
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
from knowledge.models import SectionPage, SectionTopic, Topic
from knowledge.numbers import PART_NUMBER, SECTION_NUMBER
from knowledge.representation import public_sections, section_representation

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


def with_translations(page, request) -> dict:
    others = public_sections().filter(translation_key=page.translation_key).exclude(pk=page.pk)
    links = translation_links(
        page, request, "api:section-detail", others.order_by("locale__language_code")
    )
    return section_representation(page, request, links)


class SectionListView(FeedView):
    allowed_params = {
        "locale", "fact_sheet", "part", "parent", "number", "topic", "page", "page_size",
    }  # fmt: skip

    @extend_schema(
        operation_id="list_sections",
        summary="List sections",
        parameters=[
            SectionFilters,
            LOCALE,
        ],
        responses={200: SectionListSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """Sections of the fact sheets in one language, in reading order."""
        refuse_bad_params(request, self.allowed_params, SectionFilters)
        return super().get(request, *args, **kwargs)

    def build(self, request):
        options = self.valid_params(request, SectionFilters)
        sections = public_sections().filter(locale=self.locale).order_by("path")
        if "fact_sheet" in options:
            sections = [s for s in sections if s.fact_sheet().slug == options["fact_sheet"]]
        else:
            sections = list(sections)
        if "part" in options:
            sections = [s for s in sections if s.number.split(".")[0] == options["part"]]
        if "parent" in options:
            sections = [s for s in sections if s.number.rpartition(".")[0] == options["parent"]]
        if "topic" in options:
            tagged = set(
                SectionTopic.objects.filter(topic=options["topic"]).values_list(
                    "page_id", flat=True
                )
            )
            sections = [s for s in sections if s.pk in tagged]
        if "number" in options:
            sections = [s for s in sections if s.number == options["number"]]
        page = paginate(request, sections, options["page"], options["page_size"])
        page["results"] = self.represent_all(
            request, "section", page["results"], lambda s: with_translations(s, request)
        )
        return page


class SectionDetailView(ItemView):
    kind, model = "section", SectionPage

    @extend_schema(
        operation_id="get_section",
        summary="Get a section",
        parameters=[ITEM_ID, LOCALE],
        responses=item_responses(SectionDetailSerializer),
    )
    def get(self, request, *args, **kwargs):
        """One section, its structured body with live service records, and its translations."""
        return super().get(request, *args, **kwargs)

    def public_items(self):
        return public_sections()

    def represent(self, item, request):
        return with_translations(item, request)
