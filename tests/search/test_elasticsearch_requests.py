"""The Elasticsearch engine's requests, without Elasticsearch: request bodies against the files in
tests/expected/elasticsearch (UPDATE_EXPECTED=1 rewrites them), then the engine talking to a
local HTTP server that answers like Elasticsearch and records what it was sent."""

import json
import re
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest

from search import embeddings
from search.documents import SearchDocument
from search.engines.base import Clause, Filters, IndexUnavailable, Query
from search.engines.elastic import (
    ElasticsearchEngine,
    document_body,
    index_body,
    search_body,
    spelling_body,
)
from search.searcher import parse
from tests.api_helpers import EXPECTED, assert_matches_expected

CYCLE_OF_VIOLENCE = Query(
    locale="en",
    clauses=(Clause((("cycl",),)), Clause((("violenc",),))),
    phrase=("cycl", "of", "violenc"),
)
FILTERED_AND_PINNED = Query(
    locale="en",
    clauses=(
        Clause((("violenc",), ("domest", "abus"))),  # a synonym set, one term of two words
        Clause((("shelt",),), prefix=True),  # still being typed
    ),
    filters=Filters(type="section", part="A", topic="safety-planning"),
    pinned=("section:12", "service:3"),
    phrase=("violenc", "shelt"),
    offset=20,
    limit=10,
)
DOCUMENT = SearchDocument(
    type="section",
    object_id=12,
    locale="fr",
    title="L'entretien avec la victime",
    url="/fr/fiches/violences-entre-ex-partenaires/b-1-1/",
    number="B.1.1",
    part="B",
    topics=("entretien", "sécurité"),
    headings="Avant l'entretien Pendant l'entretien",
    context="Accueillir la victime",
    body="Écoutez sans juger. Les violences se répètent : c'est le cycle de la violence.",
    summary="Comment mener un premier entretien.",
)


def expect(data: dict, name: str) -> None:
    (EXPECTED / "elasticsearch").mkdir(exist_ok=True)
    assert_matches_expected(data, f"elasticsearch/{name}")


@pytest.mark.parametrize("locale", ["en", "fr", "nl"])
def test_index_body(locale):
    expect(index_body(locale), f"index-{locale}")


def test_search_body_basic():
    expect(search_body(CYCLE_OF_VIOLENCE), "search-basic")


def test_search_body_with_filters_pins_and_a_prefix():
    expect(search_body(FILTERED_AND_PINNED), "search-filters-pinned")


def test_spelling_body_checks_only_long_words():
    expect(spelling_body(["violense", "of", "2024", "sheltr", "intervieuws"], "en"), "spelling")


def test_document_body():
    body = document_body(DOCUMENT)
    expect(body, "document")
    assert set(body) == set(index_body("fr")["mappings"]["properties"])  # the mapping is strict


def test_a_query_with_a_vector_is_one_hybrid_request_pinned_then_fused():
    """Words and meaning fused by the rrf retriever inside the pinned one; the facets and the
    post filter as before, and a count of the documents matching the words."""
    hybrid = replace(FILTERED_AND_PINNED, vector=(0.25, -0.5, 0.125))
    body = search_body(hybrid)
    expect(body, "search-hybrid")
    fused = body["retriever"]["pinned"]["retriever"]["rrf"]
    assert body["retriever"]["pinned"]["ids"] == ["section:12", "service:3"]
    assert fused["retrievers"][1]["knn"]["query_vector"] == [0.25, -0.5, 0.125]
    assert fused["rank_window_size"] >= hybrid.offset + hybrid.limit
    assert body["aggs"]["on_words"]["filter"] == fused["retrievers"][0]["standard"]["query"]
    assert "query" not in body  # a retriever replaces the query


def test_a_documents_passages_carry_their_vectors():
    vectors = [np.full(embeddings.DIMENSIONS, 0.5, dtype=np.float32)] * 2
    body = document_body(replace(DOCUMENT, passages=("a", "b")), vectors)
    assert [len(p["vector"]) for p in body["passages"]] == [embeddings.DIMENSIONS] * 2
    mapping = index_body("fr")["mappings"]["properties"]["passages"]
    assert mapping["properties"]["vector"] == {
        "type": "dense_vector", "dims": embeddings.DIMENSIONS, "similarity": "cosine", "index": True
    }  # fmt: skip


def test_dutch_words_also_find_the_compounds_that_contain_them():
    query = Query(locale="nl", clauses=(Clause((("geweld",),)), Clause((("ex",),))))
    body = json.dumps(search_body(query))
    assert '"*geweld*"' in body
    assert '"*ex*"' not in body  # too short to look inside compounds
    assert "wildcard" not in json.dumps(search_body(CYCLE_OF_VIOLENCE))


# -- against a recording server -------------------------------------------------------------


class FakeElasticsearch(ThreadingHTTPServer):
    """Answers each request with `self.answer(method, path, body)` -> (status, JSON) and keeps
    (method, path, query string, body) of every request; bulk bodies as a list of lines."""

    def __init__(self, answer):
        super().__init__(("127.0.0.1", 0), Handler)
        self.answer = answer
        self.requests = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    def respond(self):
        url = urlsplit(self.path)
        path = unquote(url.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if path.endswith("/_bulk"):
            body = [json.loads(line) for line in raw.splitlines() if line.strip()]
        else:
            body = json.loads(raw) if raw else None
        self.server.requests.append((self.command, path, url.query, body))
        status, answer = self.server.answer(self.command, path, body)
        payload = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = respond

    def log_message(self, *args):
        pass


MISSING = (404, {"error": {"type": "index_not_found_exception"}, "status": 404})
OLD_EN = "ipvkb-en-20240101000000000000"
FRESH = re.compile(r"^/ipvkb-(en|fr|nl)-\d{20}$")


ACKNOWLEDGED = (200, {"acknowledged": True})


def bulk_answer(lines, status=201):
    items = [
        {op: {"_index": meta["_index"], "_id": meta["_id"], "status": status}}
        for line in lines
        for op, meta in line.items()
        if op in ("index", "delete")
    ]
    return 200, {"took": 1, "errors": status >= 300, "items": items}


@pytest.fixture
def serve():
    servers = []

    def start(answer):
        server = FakeElasticsearch(answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server, ElasticsearchEngine(url=server.url, prefix="ipvkb")

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


SEARCH_RESPONSE = {
    "took": 3,
    "timed_out": False,
    "hits": {
        "total": {"value": 42, "relation": "eq"},
        "max_score": None,
        "hits": [
            {
                "_index": "ipvkb-en-20240101000000000000",
                "_id": "section:12",
                "_score": 1.7e38,
                "_source": {
                    "type": "section",
                    "object_id": 12,
                    "title": "Interviewing the victim",
                    "url": "/en/sheets/violence-between-ex-partners/b-1-1/",
                    "number": "B.1.1",
                    "slug": "",
                    "part": "B",
                    "topics": ["interviews"],
                    "summary": "How to hold a first interview.",
                    "body": "Listen without judging. Violence comes back: the cycle of violence",
                },
            },
            {
                "_index": "ipvkb-en-20240101000000000000",
                "_id": "service:3",
                "_score": 205.3,
                "_source": {
                    "type": "service",
                    "object_id": 3,
                    "title": "CAW Brussel",
                    "url": "/en/services/#service-caw-brussels",
                    "number": "",
                    "slug": "caw-brussels",
                    "part": "",
                    "topics": [],
                    "summary": "Reception & shelter",
                    "body": "",
                },
            },
        ],
    },
    "aggregations": {
        "type": {
            "buckets": [{"key": "section", "doc_count": 30}, {"key": "service", "doc_count": 12}]
        },
        "part": {"buckets": [{"key": "", "doc_count": 12}, {"key": "B", "doc_count": 20}]},
        "topic": {"buckets": [{"key": "interviews", "doc_count": 5}]},
    },
}


def test_search_sends_the_body_and_reads_the_answer(serve):
    server, engine = serve(lambda method, path, body: (200, SEARCH_RESPONSE))
    query = Query(
        locale="en",
        clauses=CYCLE_OF_VIOLENCE.clauses,
        phrase=CYCLE_OF_VIOLENCE.phrase,
        pinned=("section:12",),
    )
    page = engine.search(query)
    [(method, path, _, body)] = server.requests
    assert (method, path) == ("POST", "/ipvkb-en/_search")
    assert body == search_body(query)
    assert page.total == 42
    assert [(h.key, h.object_id, h.pinned) for h in page.hits] == [
        ("section:12", 12, True),
        ("service:3", 3, False),
    ]
    interview = page.hits[0]
    assert (interview.number, interview.part, interview.topics) == ("B.1.1", "B", ("interviews",))
    assert interview.highlight == (
        "How to hold a first interview. Listen without judging. <mark>Violence</mark> comes back:"
        " the <mark>cycle</mark> of <mark>violence</mark>"
    )
    assert page.hits[1].highlight == "Reception &amp; shelter"
    assert page.facets == {
        "type": {"section": 30, "service": 12},
        "part": {"B": 20},  # documents without a part are not a facet value
        "topic": {"interviews": 5},
    }


def test_search_before_any_index_is_unavailable_not_empty(serve):
    _, engine = serve(lambda method, path, body: MISSING)
    with pytest.raises(IndexUnavailable, match="No index behind ipvkb-en"):
        engine.search(CYCLE_OF_VIOLENCE)
    with pytest.raises(IndexUnavailable):
        engine.spelling("en", ["violnce"])


def test_a_failing_server_is_unavailable_not_empty(serve):
    _, engine = serve(lambda method, path, body: (503, {"error": "unavailable", "status": 503}))
    with pytest.raises(IndexUnavailable, match="Elasticsearch failed"):
        engine.search(CYCLE_OF_VIOLENCE)


def test_rebuild_fills_new_indices_then_swaps_the_aliases(serve):
    def answer(method, path, body):
        if method == "PUT" and FRESH.match(path):
            return ACKNOWLEDGED
        if path == "/_bulk":
            return bulk_answer(body)
        if path.endswith("/_refresh"):
            return 200, {"_shards": {"total": 3, "successful": 3, "failed": 0}}
        if path == "/_alias/ipvkb-en":
            return 200, {OLD_EN: {"aliases": {"ipvkb-en": {}}}}
        if path.startswith("/_alias/"):
            return MISSING
        if path == "/_aliases" or (method, path) == ("DELETE", f"/{OLD_EN}"):
            return ACKNOWLEDGED
        return 400, {"error": f"unexpected {method} {path}"}

    server, engine = serve(answer)
    english = SearchDocument(type="section", object_id=1, locale="en", title="Cycle", url="/en/")
    french = SearchDocument(type="service", object_id=2, locale="fr", title="Accueil", url="/fr/")
    german = SearchDocument(type="section", object_id=3, locale="de", title="Zyklus", url="/de/")

    assert engine.rebuild(iter([english, french, german])) == {"en": 1, "fr": 1, "nl": 0}

    requests = server.requests
    creates = requests[:3]
    assert [(m, FRESH.match(p).group(1)) for m, p, _, _ in creates] == [
        ("PUT", "en"),
        ("PUT", "fr"),
        ("PUT", "nl"),
    ]
    assert [body for *_, body in creates] == [index_body(code) for code in ("en", "fr", "nl")]
    fresh = {FRESH.match(p).group(1): p[1:] for _, p, _, _ in creates}
    method, path, _, bulk = requests[3]
    assert (method, path) == ("PUT", "/_bulk")  # the client bulk-loads with PUT
    assert bulk == [
        {"index": {"_index": fresh["en"], "_id": "section:1"}},
        document_body(english),
        {"index": {"_index": fresh["fr"], "_id": "service:2"}},
        document_body(french),
    ]
    assert requests[4][:2] == ("POST", f"/{fresh['en']},{fresh['fr']},{fresh['nl']}/_refresh")
    assert [r[:2] for r in requests[5:8]] == [
        ("GET", "/_alias/ipvkb-en"),
        ("GET", "/_alias/ipvkb-fr"),
        ("GET", "/_alias/ipvkb-nl"),
    ]
    method, path, _, swap = requests[8]
    assert (method, path) == ("POST", "/_aliases")
    assert swap == {
        "actions": [
            {"remove": {"index": OLD_EN, "alias": "ipvkb-en"}},
            {"add": {"index": fresh["en"], "alias": "ipvkb-en"}},
            {"add": {"index": fresh["fr"], "alias": "ipvkb-fr"}},
            {"add": {"index": fresh["nl"], "alias": "ipvkb-nl"}},
        ]
    }
    assert requests[9][:2] == ("DELETE", f"/{OLD_EN}")
    assert len(requests) == 10


def test_upsert_never_creates_a_missing_index_only_a_rebuild_does(serve):
    def answer(method, path, body):
        if path == "/_alias/ipvkb-fr":
            return MISSING
        return 400, {"error": f"unexpected {method} {path}"}

    server, engine = serve(answer)
    with pytest.raises(IndexUnavailable, match="rebuild"):
        engine.upsert([DOCUMENT])
    assert [request[:2] for request in server.requests] == [("GET", "/_alias/ipvkb-fr")]


def test_remove_deletes_from_every_locale_and_ignores_what_is_missing(serve):
    server, engine = serve(lambda method, path, body: bulk_answer(body, status=404))
    engine.remove(["section:12"])
    [(method, path, refresh, lines)] = server.requests
    assert (method, path, refresh) == ("PUT", "/_bulk", "refresh=wait_for")
    assert lines == [
        {"delete": {"_index": f"ipvkb-{code}", "_id": "section:12"}} for code in ("en", "fr", "nl")
    ]


def test_spelling_corrects_unknown_words_only(serve):
    def answer(method, path, body):
        suggestion = {"text": "shelterr", "offset": 0, "length": 8, "options": []}
        return 200, {
            "hits": {"total": {"value": 9, "relation": "eq"}, "hits": []},
            "aggregations": {"w0": {"doc_count": 0}, "w1": {"doc_count": 4}},
            "suggest": {
                "w0": [{**suggestion, "options": [{"text": "shelter", "score": 0.875, "freq": 4}]}],
                "w1": [{**suggestion, "text": "violences", "options": [{"text": "violence"}]}],
            },
        }

    server, engine = serve(answer)
    assert engine.spelling("en", ["shelterr", "of", "violences"]) == {"shelterr": "shelter"}
    [(method, path, _, body)] = server.requests
    assert (method, path) == ("POST", "/ipvkb-en/_search")
    assert body == spelling_body(["shelterr", "of", "violences"], "en")


def test_the_searcher_asks_only_about_words_that_are_no_words(serve, settings, db, dictionaries):
    """The one rule, applied before any engine is asked: "help" and "line" are English words."""

    def answer(method, path, body):
        suggestion = {"text": "numbr", "offset": 0, "length": 5, "options": [{"text": "number"}]}
        return 200, {
            "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
            "aggregations": {"w0": {"doc_count": 0}},
            "suggest": {"w0": [suggestion]},
        }

    server, _ = serve(answer)
    settings.ELASTICSEARCH_URL = server.url
    assert parse("help line numbr", "en")[1] == {"numbr": "number"}
    [(_, path, _, body)] = server.requests
    assert (path, body) == ("/ipvkb-en/_search", spelling_body(["numbr"], "en"))
    parse("mijn man slaat me", "nl")
    assert len(server.requests) == 1  # every word Dutch: nothing to ask


def test_counts_per_locale(serve):
    def answer(method, path, body):
        return (200, {"count": 7}) if path == "/ipvkb-en/_count" else MISSING

    _, engine = serve(answer)
    assert engine.counts() == {"en": 7, "fr": 0, "nl": 0}
