"""The one interface both engines implement, and the values that cross it."""

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field

from search.documents import SearchDocument


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

    A document matches when it satisfies at least one clause. Ranking, the same in every engine:
    pinned documents first, then by the number of clauses satisfied, then documents containing
    the whole phrase, then by relevance (BM25, titles weighted above headings above body)."""

    locale: str
    clauses: tuple[Clause, ...]
    filters: Filters = Filters()
    pinned: tuple[str, ...] = ()  # document keys shown first, in this order
    phrase: tuple[str, ...] = ()  # every word as typed, stop words included: ranks exact phrasing
    offset: int = 0
    limit: int = 20

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
