"""/api/v1/: what the feed offers, for a partner starting out."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.languages import content_languages
from feed.base import LOCALE, FeedView
from feed.schema import PROBLEM, MetaSerializer, ProblemSerializer


class FeedRootSerializer(serializers.Serializer):
    meta = MetaSerializer()
    version = serializers.CharField()
    endpoints = serializers.DictField(child=serializers.URLField())
    atom = serializers.DictField(child=serializers.URLField(), help_text="One per language.")
    schema = serializers.URLField()
    docs = serializers.URLField()
    hsds = serializers.URLField()


class FeedRootView(FeedView):
    @extend_schema(
        operation_id="get_feed_root",
        summary="What the feed offers",
        parameters=[LOCALE],
        responses={200: FeedRootSerializer, 304: None, (400, PROBLEM): ProblemSerializer},
    )
    def get(self, request, *args, **kwargs):
        """The feed's endpoints, its OpenAPI schema and documentation, and its version."""
        return super().get(request, *args, **kwargs)

    def build(self, request):
        def url(name, *args):
            return request.build_absolute_uri(reverse(name, args=args))

        names = ("fact_sheets", "sections", "services", "search", "changes")
        routes = (
            "api:fact-sheet-list", "api:section-list", "api:service-list", "api:search",
            "api:changes",
        )  # fmt: skip
        return {
            "version": "1",
            "endpoints": {name: url(route) for name, route in zip(names, routes, strict=True)},
            "atom": {code: url("api:changes-atom", code) for code in content_languages()},
            "schema": url("api:schema"),
            "docs": url("api:docs"),
            "hsds": url("hsds:root"),
        }
