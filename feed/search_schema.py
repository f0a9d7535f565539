"""Response shapes of the search endpoints, for the OpenAPI schema."""

from rest_framework import serializers

from feed.schema import MetaSerializer


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
    facets = FacetsSerializer(help_text="Counts over all matches, before type/part/topic filters.")
    results = SearchResultSerializer(many=True)


class SuggestResponseSerializer(serializers.Serializer):
    meta = MetaSerializer()
    results = SearchResultSerializer(many=True)
