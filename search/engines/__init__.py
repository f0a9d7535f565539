"""The engine in use: Elasticsearch when ELASTICSEARCH_URL is set, else the embedded one."""

from django.conf import settings

from search.engines.base import SearchEngine

_engines: dict[tuple, SearchEngine] = {}


def get_engine() -> SearchEngine:
    """One engine per configuration, so tests that change the settings get their own."""
    if settings.ELASTICSEARCH_URL:
        key = ("elasticsearch", settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_INDEX_PREFIX)
    else:
        key = ("embedded", str(settings.SEARCH_INDEX_PATH))
    if key not in _engines:
        _engines[key] = build(key)
    return _engines[key]


def build(key: tuple) -> SearchEngine:
    if key[0] == "elasticsearch":
        from search.engines.elastic import ElasticsearchEngine

        return ElasticsearchEngine(url=key[1], prefix=key[2])
    from search.engines.embedded import EmbeddedEngine

    return EmbeddedEngine(key[1])
