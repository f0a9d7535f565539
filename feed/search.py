"""/api/v1/search/ and /api/v1/search/suggest/: search for partner sites and apps.

Responses are never stored by caches (`Cache-Control: no-store`): the query is in the URL, and a
shared cache or its logs must not keep what a person searched for."""

import logging

from django.conf import settings
from django.utils import timezone
from django.utils.translation import override
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from core.links import api_url
from feed.base import LOCALE, FeedView, page_links
from feed.meta import feed_meta
from feed.params import PageParams, check_raw_params, negotiate_locale
from feed.problems import TemporarilyUnavailable
from feed.schema import PROBLEM, MetaSerializer, ProblemSerializer
from knowledge.models import Topic
from knowledge.numbers import PART_NUMBER
from search.engines.base import Filters, Hit, IndexUnavailable
from search.searcher import MAX_WORDS, NothingToSearch, search, suggest

logger = logging.getLogger(__name__)

# The OpenAPI shapes of what this module serves (the views build plain dicts).


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(["section", "service"])
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(allow_null=True)
    api_url = serializers.URLField()
    highlight = serializers.CharField(help_text="An HTML excerpt; matched words are in <mark>.")
    best_bet = serializers.BooleanField(help_text="Placed first by an editor for this query.")
    number = serializers.CharField(required=False, help_text="Sections only.")
    part = serializers.CharField(required=False, help_text="Sections only.")
    topics = serializers.ListField(child=serializers.CharField(), required=False)
    slug = serializers.CharField(required=False, help_text="Services only.")


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    type = FacetValueSerializer(many=True)
    part = FacetValueSerializer(many=True)
    topic = FacetValueSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    meta = MetaSerializer()
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    did_you_mean = serializers.CharField(allow_null=True)
    emergency = serializers.BooleanField(
        help_text="The query says someone may be in danger now (it holds one of the danger "
        "signals editors keep for this language): show the lines of "
        "`meta.safety.emergency_lines` that are `available_24_7` before the results."
    )
    facets = FacetsSerializer(help_text="Counts over all matches, before type/part/topic filters.")
    results = SearchResultSerializer(many=True)
    related = SearchResultSerializer(
        many=True,
        help_text="When no section or service matches the words of `q`: up to three that come"
        " closest to it in meaning, to offer beside the helplines (empty otherwise, and when"
        " matching on meaning is off).",
    )


class SuggestResponseSerializer(serializers.Serializer):
    meta = MetaSerializer()
    results = SearchResultSerializer(many=True)


class QueryParam(serializers.Serializer):
    q = serializers.RegexField(
        r"\w",
        max_length=200,
        help_text=f"What to search for (a letter or digit at least); {MAX_WORDS} words at most.",
        error_messages={"invalid": NothingToSearch.message},
    )


class SearchParams(QueryParam, PageParams):
    type = serializers.ChoiceField(
        ["section", "service"], required=False, help_text="Only sections, or only services."
    )
    part = serializers.RegexField(
        PART_NUMBER, required=False, max_length=1, help_text="Only sections of this part."
    )
    topic = serializers.ChoiceField(
        Topic.values, required=False, help_text="Only sections about this topic."
    )


class SuggestParams(QueryParam):
    limit = serializers.IntegerField(
        min_value=1, max_value=20, default=8, help_text="Suggestions, at most."
    )


# `q` as the schema says it: ECMA-262's \w (the schema's dialect) is ASCII only, Python's is not;
# "a letter or digit at least" in any script is [\p{L}\p{N}_] there.
Q = OpenApiParameter(
    "q",
    {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"[\p{L}\p{N}_]"},
    required=True,
    description=QueryParam().fields["q"].help_text,
)


def represent_hit(hit: Hit, request) -> dict:
    data = {
        "type": hit.type,
        "id": hit.object_id,
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url) if hit.url else None,
        "api_url": api_url(request, f"api:{hit.type}-detail", hit.object_id),
        "highlight": hit.highlight,
        "best_bet": hit.pinned,
    }
    if hit.type == "section":
        data.update(number=hit.number, part=hit.part, topics=list(hit.topics))
    else:
        data["slug"] = hit.slug
    return data


class SearchBaseView(APIView):
    """Strict parameters and the feed's envelope, never cached."""

    http_method_names = ["get", "head", "options"]
    parser_classes = ()  # read-only: search reads no request body
    params: type[serializers.Serializer]

    def get(self, request):
        check_raw_params(request, {"locale", *self.params().fields})
        locale = negotiate_locale(request, request.query_params.get("locale"))
        options = FeedView.valid_params(request, self.params)
        try:
            with override(locale.language_code):
                body = self.build(request, locale.language_code, options)
        except NothingToSearch as exc:
            raise ValidationError({"q": [str(exc)]}) from exc
        except IndexUnavailable as exc:
            logger.error("Search unavailable: %s", exc)
            raise TemporarilyUnavailable(wait=settings.RETRY_AFTER) from exc
        response = Response({"meta": feed_meta(locale, timezone.now()), **body})
        response["Cache-Control"] = "no-store"
        response["Content-Language"] = locale.language_code
        response["Vary"] = "Accept-Language"
        return response

    def build(self, request, locale: str, options: dict) -> dict:
        raise NotImplementedError


class SearchView(SearchBaseView):
    params = SearchParams

    @extend_schema(
        operation_id="search",
        summary="Search sections and services",
        parameters=[SearchParams, Q, LOCALE],
        responses={
            200: SearchResponseSerializer,
            (400, PROBLEM): ProblemSerializer,
            (503, PROBLEM): ProblemSerializer,
        },
    )
    def get(self, request):
        """Sections and services matching `q` in one language, best first, with facets."""
        return super().get(request)

    def build(self, request, locale, options):
        filters = Filters(options.get("type"), options.get("part"), options.get("topic"))
        page, size = options["page"], options["page_size"]
        outcome = search(options["q"], locale, filters, (page - 1) * size, size)
        return {
            **page_links(request, outcome.page.total, page, size),
            "did_you_mean": outcome.did_you_mean,
            "emergency": outcome.emergency,
            "facets": {
                name: [{"value": value, "count": count} for value, count in counts.items()]
                for name, counts in outcome.page.facets.items()
            },
            "results": [represent_hit(hit, request) for hit in outcome.page.hits],
            "related": [represent_hit(hit, request) for hit in outcome.page.related],
        }


class SuggestView(SearchBaseView):
    params = SuggestParams

    @extend_schema(
        operation_id="search_suggest",
        summary="Suggest titles as someone types",
        parameters=[SuggestParams, Q, LOCALE],
        responses={
            200: SuggestResponseSerializer,
            (400, PROBLEM): ProblemSerializer,
            (503, PROBLEM): ProblemSerializer,
        },
    )
    def get(self, request):
        """Titles to offer as someone types: the last word may be incomplete."""
        return super().get(request)

    def build(self, request, locale, options):
        hits = suggest(options["q"], locale, options["limit"])
        return {"results": [represent_hit(hit, request) for hit in hits]}
