"""The one interface both engines implement, and the values that cross it."""

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field

from search.documents import SearchDocument

# Fusing the ranking on words with the ranking on meaning (reciprocal rank fusion, the same
# constants as Elasticsearch's rrf retriever): a document's score is the sum over the rankings it
# appears in of 1 / (RANK_CONSTANT + its rank).
RANK_CONSTANT = 60
# The documents whose passages come closest in meaning to the query join those matching its
# words: at most MEANING_DEPTH of them and, in the embedded engine, only those closer in meaning
# than the closest document matching the words. Similarity alone cannot tell a query the guidance
# answers from one it does not (every query has nearest passages), so when no document matches
# the words the results stay empty and the nearest RELATED are offered beside the helplines.
MEANING_DEPTH = 10
RELATED = 3


def fuse(rankings: list[list]) -> list:
    """Reciprocal rank fusion of several rankings; ties keep the order of the first ranking."""
    scores, first_seen = {}, {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (RANK_CONSTANT + rank)
            first_seen.setdefault(item, len(first_seen))
    return sorted(scores, key=lambda item: (-scores[item], first_seen[item]))


class IndexUnavailable(RuntimeError):
    """The index cannot answer as it should: missing, never built, empty, corrupt or out of
    reach. Search says it is unavailable (and shows the helplines), never "0 results"."""


@dataclass(frozen=True)
class Clause:
    """One thing asked for: any of its alternatives (each a phrase of stems) satisfies it."""

    alternatives: tuple[tuple[str, ...], ...]
    prefix: bool = False  # the last word is still being typed: match it as a prefix


@dataclass(frozen=True)
class Filters:
    type: str | None = None
    part: str | None = None
    topic: str | None = None


@dataclass(frozen=True)
class Query:
    """A parsed search: clauses in the locale's analysis, filters, pins and the window.

    A document matches when it satisfies at least one clause, or when its passages come close to
    the query's `vector` in meaning. Ranking, the same in every engine: pinned documents first;
    then, on words, by the number of clauses satisfied, then documents containing the whole
    phrase, then by relevance (BM25, titles weighted above headings above body), fused with the
    ranking on meaning when there is a vector."""

    locale: str
    clauses: tuple[Clause, ...]
    filters: Filters = Filters()
    pinned: tuple[str, ...] = ()  # document keys shown first, in this order
    phrase: tuple[str, ...] = ()  # every word as typed, stop words included: ranks exact phrasing
    offset: int = 0
    limit: int = 20
    vector: tuple[float, ...] | None = None  # the query's meaning (search/embeddings.py)

    @property
    def stems(self) -> set[str]:
        return {s for c in self.clauses for alt in c.alternatives for s in alt}


@dataclass(frozen=True)
class Hit:
    key: str
    type: str
    object_id: int
    title: str
    url: str
    number: str
    slug: str
    part: str
    topics: tuple[str, ...]
    highlight: str
    pinned: bool = False

    STORED = ("type", "object_id", "title", "url", "number", "slug", "part")

    @classmethod
    def from_stored(cls, stored, key: str, topics, highlight: str, pinned: bool) -> "Hit":
        """A hit from the fields an engine stores with the document (a row or a _source)."""
        fields = {name: stored[name] for name in cls.STORED}
        return cls(key=key, topics=tuple(topics), highlight=highlight, pinned=pinned, **fields)


@dataclass
class ResultPage:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    related: list[Hit] = field(default_factory=list)  # closest in meaning, when nothing matched


class SearchEngine(ABC):
    """Keeps the findable documents of every locale and answers queries over them."""

    @abstractmethod
    def upsert(self, documents: Iterable[SearchDocument]) -> None:
        """Add or replace these documents."""

    @abstractmethod
    def remove(self, keys: Iterable[str]) -> None:
        """Remove these documents (by key) wherever they are; unknown keys are ignored."""

    @abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument]) -> dict[str, int]:
        """Replace the whole index by these documents; return the count per locale."""

    @abstractmethod
    def search(self, query: Query) -> ResultPage:
        """Matching documents, pinned first then best first, facets before filtering."""

    @abstractmethod
    def spelling(self, locale: str, words: list[str]) -> dict[str, str]:
        """For each word the index does not know, the closest word it does, when there is one."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """How many documents each locale holds."""
