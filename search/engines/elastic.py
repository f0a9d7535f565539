"""The Elasticsearch engine: one index per locale behind an alias, swapped whole on rebuild.

Matching follows our own Python analysis, exactly as in the embedded engine: every text column is
also indexed as a `*_terms` field holding the stems of search/text.py, split on whitespace only,
and queries ask for those stems. Synonyms, corrections and stemming are therefore decided in
Python and both engines find the same documents. The natural text fields carry each language's
analyzer for ad hoc queries; excerpts are highlighted in Python, as the embedded engine does.

Ranking keeps the order of the Query docstring with scores that cannot overlap: pinned documents
come first (the `pinned` query), then 100 points per clause satisfied (a fixed weight, where the
embedded engine weighs each clause by its IDF), 10 for the whole phrase, and BM25 with the
embedded engine's column weights squashed below 10.

With the embedding model, each document also holds its passages' vectors (`passages.vector`, a
nested `dense_vector`), and a search with a query vector is one hybrid request: an `rrf` retriever
fusing that lexical query with a kNN search on the passages (the embedded engine's constants),
inside a `pinned` retriever; an aggregation counts the documents matching the words, and when there
are none the nearest are offered as related instead of results, as in the embedded engine."""

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import (
    DenseVector,
    Index,
    Keyword,
    Mapping,
    Nested,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from search import embeddings
from search.documents import SearchDocument
from search.engines.base import (
    MEANING_DEPTH,
    RANK_CONSTANT,
    RELATED,
    Clause,
    Hit,
    IndexUnavailable,
    Query,
    ResultPage,
    SearchEngine,
)
from search.engines.embedded import COLUMNS, COMPOUNDING, FACETS, MIN_COMPOUND_PART, WEIGHTS
from search.text import STEMMERS, highlight, stem, terms, words

WEIGHTED = {f"{column}_terms": weight for column, weight in zip(COLUMNS, WEIGHTS, strict=True)}
TERMS = list(WEIGHTED)
TERM_FIELDS = [f"{field}^{weight:g}" for field, weight in WEIGHTED.items()]
CLAUSE_SCORE = 100
PHRASE_SCORE = 10
# BM25 mapped monotonically onto [0, PHRASE_SCORE): relevance only orders documents that satisfy
# as many clauses and agree on the phrase.
RELEVANCE_SCRIPT = f"{PHRASE_SCORE} * _score / (_score + {PHRASE_SCORE})"
FACET_FIELDS = {"type": "type", "part": "part", "topic": "topics"}
FACET_SIZE = 100
SOURCE = [
    "type", "object_id", "title", "url", "number", "slug", "part", "topics", "summary", "body",
]  # fmt: skip
MIN_SPELLED = 4
# kNN: candidates examined per shard for the MEANING_DEPTH nearest; RRF ranks this many at least.
NUM_CANDIDATES = 100
RANK_WINDOW = 100


def index_body(locale: str) -> dict:
    """Settings and mappings of a locale's index."""
    language = STEMMERS[locale]
    natural = analyzer(
        f"text_{locale}",
        tokenizer="standard",
        filter=[
            "lowercase",
            *(["elision"] if locale == "fr" else []),
            token_filter(f"stop_{locale}", "stop", stopwords=f"_{language}_"),
            "asciifolding",
            token_filter(f"stemmer_{locale}", "snowball", language=language.capitalize()),
        ],
    )
    # Our stems and folded words arrive analysed already: only split and lower-case them.
    stems = analyzer("terms", tokenizer="whitespace", filter=["lowercase"])
    folded = analyzer("words", tokenizer="whitespace", filter=["lowercase", "asciifolding"])
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    for name in ("type", "locale", "number", "slug", "part", "topics"):
        mapping.field(name, Keyword())
    mapping.field("object_id", "integer")
    mapping.field("url", Keyword(index=False))
    for column in COLUMNS:
        mapping.field(column, Text(analyzer=natural))
        mapping.field(f"{column}_terms", Text(analyzer=stems))
    mapping.field("words", Text(analyzer=folded))
    vector = DenseVector(dims=embeddings.DIMENSIONS, similarity="cosine", index=True)
    mapping.field("passages", Nested(properties={"vector": vector}))
    index = Index("_")
    # One shard keeps BM25 statistics whole; a replica wherever a second node exists.
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.mapping(mapping)
    return index.to_dict()


def document_body(doc: SearchDocument, vectors=()) -> dict:
    """The indexed form of a document (with its passages' vectors); its id is `doc.key`."""
    texts = {column: getattr(doc, column) for column in COLUMNS}
    return {
        "type": doc.type,
        "object_id": doc.object_id,
        "locale": doc.locale,
        "url": doc.url,
        "number": doc.number,
        "slug": doc.slug,
        "part": doc.part,
        "topics": list(doc.topics),
        **texts,
        **{f"{c}_terms": " ".join(terms(text, doc.locale)) for c, text in texts.items()},
        "words": " ".join(sorted(set(words(" ".join(texts.values()))))),
        "passages": [{"vector": [float(x) for x in vector]} for vector in vectors],
    }


def compound_parts(clause: Clause, locale: str) -> list[str]:
    """The clause's single stems long enough to be found inside compounds ("geweld" in
    "geweldcyclus"), in languages that glue words together."""
    if locale not in COMPOUNDING:
        return []
    return [a[0] for a in clause.alternatives if len(a) == 1 and len(a[0]) >= MIN_COMPOUND_PART]


def each_field(kind: str, value: str) -> Q:
    """A term-level query (prefix, wildcard) on every `*_terms` field, with its weight."""
    return Q(
        "bool", should=[Q(kind, **{f: {"value": value, "boost": w}}) for f, w in WEIGHTED.items()]
    )


def alternative_query(alternative: tuple[str, ...], prefix: bool) -> Q:
    """Stems next to each other (within three words when several), the last one possibly a
    prefix; the stems are our own, so they can never become query syntax."""
    if prefix and len(alternative) == 1:
        return each_field("prefix", alternative[0])
    slop = {"slop": 3} if len(alternative) > 1 else {}
    return Q(
        "multi_match",
        query=" ".join(alternative),
        type="phrase",
        fields=TERM_FIELDS,
        tie_breaker=1.0,  # fields add up, like the embedded engine's weighted BM25 columns
        **slop,
    )


def clause_query(clause: Clause, locale: str) -> Q:
    """Any alternative of the clause, or a compound containing one of its single stems."""
    queries = [alternative_query(a, clause.prefix) for a in clause.alternatives]
    queries += [each_field("wildcard", f"*{part}*") for part in compound_parts(clause, locale)]
    return queries[0] if len(queries) == 1 else Q("bool", should=queries)


def organic_query(query: Query) -> Q:
    """Documents satisfying a clause, scored 100 per clause satisfied, + 10 for the whole phrase,
    + their BM25 relevance brought below 10."""
    if not query.clauses:
        return Q("match_none")
    clauses = [clause_query(c, query.locale) for c in query.clauses]
    satisfied = [Q("constant_score", filter=c, boost=CLAUSE_SCORE) for c in clauses]
    ranking = [
        Q(
            "script_score",
            query=Q("bool", should=clauses),
            script={"source": RELEVANCE_SCRIPT},
        )
    ]
    if len(query.phrase) > 1:
        phrase = Q("multi_match", query=" ".join(query.phrase), type="phrase", fields=TERMS)
        ranking.insert(0, Q("constant_score", filter=phrase, boost=PHRASE_SCORE))
    return Q(
        "bool",
        must=[Q("bool", should=satisfied, minimum_should_match=1)],
        should=ranking,
    )


def hybrid_retriever(query: Query, organic: Q) -> dict:
    """The words' ranking fused with the passages' nearest in meaning, pinned keys first."""
    fused = {
        "rrf": {
            "retrievers": [
                {"standard": {"query": organic.to_dict()}},
                {
                    "knn": {
                        "field": "passages.vector",
                        "query_vector": list(query.vector),
                        "k": MEANING_DEPTH,
                        "num_candidates": NUM_CANDIDATES,
                    }
                },
            ],
            "rank_window_size": max(RANK_WINDOW, query.offset + query.limit),
            "rank_constant": RANK_CONSTANT,
        }
    }
    return {"pinned": {"ids": list(query.pinned), "retriever": fused}} if query.pinned else fused


def search_body(query: Query) -> dict:
    """The search request: pinned keys (document ids) first, facets counted before the filters,
    which apply as a post filter; with a query vector, the hybrid retriever and a count of the
    documents matching the words."""
    organic = organic_query(query)
    if query.vector is not None:
        search = Search().extra(retriever=hybrid_retriever(query, organic))
        search.aggs.bucket("on_words", "filter", filter=organic)
    else:
        search = Search().query(
            Q("pinned", ids=list(query.pinned), organic=organic) if query.pinned else organic
        )
    wanted = query.filters
    filters = [
        Q("term", **{field: value})
        for field, value in (("type", wanted.type), ("part", wanted.part), ("topics", wanted.topic))
        if value
    ]
    if filters:
        search = search.post_filter(Q("bool", filter=filters))
    for name in FACETS:
        search.aggs.bucket(name, "terms", field=FACET_FIELDS[name], size=FACET_SIZE)
    search = search.source(SOURCE)[query.offset : query.offset + query.limit]
    return search.extra(track_total_hits=True).to_dict()


def spelled(query_words: list[str]) -> list[str]:
    """The words worth checking: long enough and not numbers."""
    return [w for w in query_words if len(w) >= MIN_SPELLED and not w.isdigit()]


def spelling_body(query_words: list[str], locale: str) -> dict:
    """One term suggestion per word (`w0`, `w1`, ...), and whether each word's stem is indexed:
    a word whose stem the index knows is not corrected, as in the embedded engine."""
    search = Search().extra(size=0)
    for i, word in enumerate(spelled(query_words)):
        known = Q("multi_match", query=stem(word, locale), fields=TERMS)
        search.aggs.bucket(f"w{i}", "filter", filter=known)
        search = search.suggest(
            f"w{i}",
            word,
            term={
                "field": "words",
                "suggest_mode": "missing",
                "max_edits": 1 if len(word) <= 7 else 2,
                "prefix_length": 0,
                "min_word_length": MIN_SPELLED,
                "size": 1,
            },
        )
    return search.to_dict()


class ElasticsearchEngine(SearchEngine):
    def __init__(self, url: str, prefix: str):
        self.client = Elasticsearch(url)
        self.prefix = prefix

    @property
    def locales(self) -> list[str]:
        return [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]

    def alias(self, locale: str) -> str:
        return f"{self.prefix}-{locale}"

    def create_index(self, locale: str, **extra) -> str:
        """A new timestamped index for the locale; its name."""
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias(locale)}-{stamp}"
        self.client.indices.create(index=name, body={**index_body(locale), **extra})
        return name

    def aliased(self, locale: str) -> list[str]:
        """The indices behind the locale's alias (none before the first build)."""
        try:
            return list(self.client.indices.get_alias(name=self.alias(locale)))
        except NotFoundError:
            return []

    # -- writing ----------------------------------------------------------------------------

    def bodies(self, documents: list[SearchDocument]):
        """Each document with its indexed form, vectors computed in one batch."""
        for doc, vectors in embeddings.with_vectors(documents):
            yield doc, document_body(doc, vectors)

    def upsert(self, documents: Iterable[SearchDocument]) -> None:
        documents = [doc for doc in documents if doc.locale in self.locales]
        for locale in sorted({doc.locale for doc in documents}):
            if not self.aliased(locale):
                raise IndexUnavailable(f"No index behind {self.alias(locale)}: rebuild it.")
        actions = (
            {"_index": self.alias(d.locale), "_id": d.key, "_source": body}
            for d, body in self.bodies(documents)
        )
        helpers.bulk(self.client, actions, refresh="wait_for")

    def remove(self, keys: Iterable[str]) -> None:
        actions = [
            {"_op_type": "delete", "_index": self.alias(locale), "_id": key}
            for key in keys
            for locale in self.locales
        ]
        # 404: not in that locale, or the locale has no index yet.
        helpers.bulk(self.client, actions, refresh="wait_for", ignore_status=404)

    def rebuild(self, documents: Iterable[SearchDocument]) -> dict[str, int]:
        """Fill fresh indices, then move every alias to them at once and drop the old ones."""
        fresh, counts = {}, Counter()

        def actions():
            for doc, source in self.bodies([d for d in documents if d.locale in fresh]):
                counts[doc.locale] += 1
                yield {"_index": fresh[doc.locale], "_id": doc.key, "_source": source}

        try:
            for locale in self.locales:
                fresh[locale] = self.create_index(locale)
            helpers.bulk(self.client, actions())
            self.client.indices.refresh(index=",".join(fresh.values()))
        except BaseException:
            if fresh:
                self.client.indices.delete(index=",".join(fresh.values()), ignore_unavailable=True)
            raise
        old = {locale: self.aliased(locale) for locale in self.locales}
        moves = [
            {"remove": {"index": name, "alias": self.alias(locale)}}
            for locale, names in old.items()
            for name in names
        ]
        moves += [
            {"add": {"index": name, "alias": self.alias(locale)}} for locale, name in fresh.items()
        ]
        self.client.indices.update_aliases(actions=moves)
        stale = [name for names in old.values() for name in names]
        if stale:
            self.client.indices.delete(index=",".join(stale), ignore_unavailable=True)
        return {code: counts[code] for code in self.locales}

    # -- reading ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        found = {}
        for code in self.locales:
            try:
                found[code] = self.client.count(index=self.alias(code))["count"]
            except NotFoundError:
                found[code] = 0
        return found

    def read(self, index: str, body: dict) -> dict:
        """A search request; an index that is missing or out of reach is unavailable, never
        an empty answer."""
        try:
            return self.client.search(index=index, body=body)
        except NotFoundError as error:
            raise IndexUnavailable(f"No index behind {index}: rebuild it.") from error
        except TransportError as error:
            raise IndexUnavailable(f"Elasticsearch did not answer: {error}") from error
        except ApiError as error:
            if error.meta.status < 500:
                raise
            raise IndexUnavailable(f"Elasticsearch failed: {error}") from error

    def spelling(self, locale: str, query_words: list[str]) -> dict[str, str]:
        checked = spelled(query_words)
        if not checked:
            return {}
        response = self.read(index=self.alias(locale), body=spelling_body(query_words, locale))
        corrections = {}
        for i, word in enumerate(checked):
            options = [o for entry in response["suggest"][f"w{i}"] for o in entry["options"]]
            if options and not response["aggregations"][f"w{i}"]["doc_count"]:
                corrections[word] = options[0]["text"]
        return corrections

    def search(self, query: Query) -> ResultPage:
        response = self.read(index=self.alias(query.locale), body=search_body(query))
        aggregations = response["aggregations"]
        hits = [self.hit(h, query) for h in response["hits"]["hits"]]
        on_words = aggregations.get("on_words", {"doc_count": 1})["doc_count"]
        if not (on_words or query.pinned):  # only the nearest in meaning: offered as related
            return ResultPage(
                total=0, hits=[], facets={n: {} for n in FACETS}, related=hits[:RELATED]
            )
        return ResultPage(
            total=response["hits"]["total"]["value"],
            hits=hits,
            facets={
                name: {b["key"]: b["doc_count"] for b in aggregations[name]["buckets"] if b["key"]}
                for name in FACETS
            },
        )

    @staticmethod
    def hit(found: dict, query: Query) -> Hit:
        source = found["_source"]
        text = f"{source['summary']} {source['body']}".strip()
        stems = query.stems
        parts = {p for c in query.clauses for p in compound_parts(c, query.locale)}
        if parts:  # the compounds this text holds, as the embedded engine highlights them
            stems |= {s for s in terms(text, query.locale) if any(p in s for p in parts)}
        excerpt = highlight(text, stems, query.locale)
        pinned = found["_id"] in query.pinned
        return Hit.from_stored(source, found["_id"], source["topics"], excerpt, pinned)
