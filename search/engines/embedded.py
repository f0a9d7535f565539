"""The embedded engine: SQLite FTS5 in a file of its own, no server to run.

Words are analysed in Python (search/text.py) before they reach FTS5, so stemming, accent
folding and stop words follow each language. One FTS5 table per locale; ranking is BM25 with
titles weighted above headings, summaries and body text, after the number of clauses a document
satisfies. Spelling suggestions come from the locale's own vocabulary (rapidfuzz). With the
embedding model (search/embeddings.py), each document's passages are stored as vectors beside it,
and the ranking on words is fused with the ranking on meaning (base.fuse)."""

import functools
import json
import logging
import math
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np
from django.conf import settings
from rapidfuzz import process
from rapidfuzz.distance import OSA

from search import embeddings
from search.documents import SearchDocument
from search.engines.base import (
    MEANING_DEPTH,
    RELATED,
    Clause,
    Hit,
    IndexUnavailable,
    Query,
    ResultPage,
    SearchEngine,
    fuse,
)
from search.text import highlight, stem, terms, words

# The FTS5 columns and their BM25 weights.
COLUMNS = ("title", "headings", "summary", "search_terms", "context", "body")
WEIGHTS = (10.0, 4.0, 3.0, 3.0, 2.0, 1.0)
FACETS = ("type", "part", "topic")
# Languages that glue words into compounds ("geweldcyclus"): a query word also finds the
# compounds that contain it, taken from the index's own vocabulary.
COMPOUNDING = {"nl"}
MIN_COMPOUND_PART = 5
# Passages looked at per document wanted on meaning before sorting them all.
PASSAGES_PER_DOCUMENT = 50

logger = logging.getLogger(__name__)
# How long a write waits for another writer before it fails (and is queued to be retried).
WRITE_WAIT = 5
SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    locale TEXT NOT NULL,
    type TEXT NOT NULL,
    object_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    number TEXT NOT NULL,
    slug TEXT NOT NULL,
    part TEXT NOT NULL,
    topics TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    words TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    document_id INTEGER NOT NULL,
    locale TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_by_document ON passages (document_id);
CREATE TABLE IF NOT EXISTS generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER);
INSERT OR IGNORE INTO generation VALUES (1, 0);
"""


def phrase(alternative: tuple[str, ...], prefix: bool = False) -> str:
    """An FTS5 phrase (several stems: within three words of each other) built only from our
    own stems, which are \\w characters, so user input can never become FTS5 syntax."""
    quoted = " ".join(f'"{s}"' for s in alternative)
    if len(alternative) > 1:
        return f"NEAR({quoted}, 3)"
    return quoted + ("*" if prefix else "")


def by_count(counter: Counter) -> dict[str, int]:
    """Facet values, most frequent first, ties by value (as Elasticsearch's terms buckets)."""
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def idf(total: int, matching: int) -> float:
    """BM25's inverse document frequency: a rare word says more about what is wanted."""
    return math.log(1 + (total - matching + 0.5) / (matching + 0.5))


def phrase_expression(query: Query) -> str:
    return '"' + " ".join(query.phrase) + '"'


def clause_expression(clause: Clause) -> str:
    return "(" + " OR ".join(phrase(a, clause.prefix) for a in clause.alternatives) + ")"


def reading(method):
    """A read that SQLite cannot carry out (a corrupt page, a file replaced under it) says the
    index is unavailable rather than failing as a server error."""

    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            self.close()
            raise IndexUnavailable(
                f"The search index at {self.path} is unreadable: {error}"
            ) from error

    return read


class EmbeddedEngine(SearchEngine):
    def __init__(self, path: Path):
        self.path = Path(path)
        self.local = threading.local()
        self.vocabularies: dict[str, tuple[int, Counter, frozenset[str]]] = {}
        self.matrices: dict[str, tuple[int, np.ndarray, np.ndarray]] = {}

    # -- storage ----------------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection to the index file as it is now: reopened when the file was
        replaced or deleted since, so no process keeps reading a file that is gone."""
        opened = getattr(self.local, "opened", None)
        identity = self.identity()
        if opened and identity is not None and opened[1] == identity:
            return opened[0]
        self.close()
        connection = self.open()
        self.local.opened = (connection, identity)
        return connection

    def identity(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return status.st_dev, status.st_ino

    def close(self) -> None:
        opened = getattr(self.local, "opened", None)
        if opened:
            opened[0].close()
        self.local.opened = None

    def open(self, create: bool = False) -> sqlite3.Connection:
        """A connection to a built index. Only a rebuild (`create`) makes a new file: a serving
        process that finds none, or one it cannot read, says so instead of answering from an
        empty index."""
        if not create and not self.path.exists():
            raise IndexUnavailable(f"No search index at {self.path}: run rebuild_search_index.")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            f"file:{self.path}?mode={'rwc' if create else 'rw'}",
            uri=True,
            timeout=WRITE_WAIT,
            isolation_level=None,
        )
        connection.row_factory = sqlite3.Row
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            built = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'generation'"
            ).fetchone()
        except sqlite3.DatabaseError as error:
            connection.close()
            raise IndexUnavailable(
                f"The search index at {self.path} is unreadable: {error}"
            ) from error
        if not create and (version != SCHEMA_VERSION or not built):
            connection.close()
            raise IndexUnavailable(
                f"The search index at {self.path} was never built by this version:"
                " run rebuild_search_index."
            )
        return connection

    def create(self) -> sqlite3.Connection:
        """For a rebuild: the index file with the current schema, whatever state it was in. A
        file SQLite cannot read (corrupt, not a database) is replaced by a new one; a locked
        one is waited for, never replaced."""
        self.close()
        try:
            connection = self.open(create=True)
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                connection.close()
                raise IndexUnavailable(f"quick_check: {check}")
        except IndexUnavailable as error:
            cause = error.__cause__
            if isinstance(cause, sqlite3.OperationalError) and "locked" in str(cause):
                raise
            logger.warning("Replacing the unreadable search index at %s (%s).", self.path, error)
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            connection = self.open(create=True)
        if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            self.reset(connection)
        connection.executescript(SCHEMA)
        for code in self.locales:
            connection.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS terms_{code} USING fts5("
                f"{', '.join(COLUMNS)}, tokenize='unicode61 remove_diacritics 2')"
            )
        self.local.opened = (connection, self.identity())
        return connection

    def reset(self, connection: sqlite3.Connection) -> None:
        """An index written by another version of this code is dropped: rebuild it."""
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (name,) in tables.fetchall():
            if name in ("documents", "generation", "passages") or name.startswith("terms_"):
                connection.execute(f"DROP TABLE IF EXISTS {name}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @property
    def locales(self) -> list[str]:
        return [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]

    def write(self, change, db: sqlite3.Connection | None = None) -> None:
        """Run `change(db)` in one transaction that also moves the generation on."""
        db = db or self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            change(db)
            db.execute("UPDATE generation SET value = value + 1")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _delete(self, db, keys: Iterable[str]) -> None:
        for key in keys:
            row = db.execute("SELECT id, locale FROM documents WHERE key = ?", (key,)).fetchone()
            if row:
                db.execute(f"DELETE FROM terms_{row['locale']} WHERE rowid = ?", (row["id"],))
                db.execute("DELETE FROM passages WHERE document_id = ?", (row["id"],))
                db.execute("DELETE FROM documents WHERE id = ?", (row["id"],))

    def prepared(self, documents: Iterable[SearchDocument]) -> list[tuple[SearchDocument, list]]:
        """This engine's documents with their passages' vectors (none without the model),
        computed before any write begins so that no writer waits on the model."""
        return embeddings.with_vectors([doc for doc in documents if doc.locale in self.locales])

    def _insert(self, db, prepared: list[tuple[SearchDocument, list]]) -> Counter:
        counts = Counter()
        for doc, vectors in prepared:
            self._delete(db, [doc.key])
            texts = [getattr(doc, column) for column in COLUMNS]
            cursor = db.execute(
                "INSERT INTO documents (key, locale, type, object_id, title, url, number, slug,"
                " part, topics, summary, body, words) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.key, doc.locale, doc.type, doc.object_id, doc.title, doc.url, doc.number,
                    doc.slug, doc.part, json.dumps(doc.topics), doc.summary, doc.body,
                    " ".join(sorted(set(words(" ".join(texts))))),
                ),
            )  # fmt: skip
            db.execute(
                f"INSERT INTO terms_{doc.locale} (rowid, {', '.join(COLUMNS)})"
                f" VALUES (?{',?' * len(COLUMNS)})",
                (cursor.lastrowid, *(" ".join(terms(t, doc.locale)) for t in texts)),
            )
            db.executemany(
                "INSERT INTO passages VALUES (?, ?, ?, ?)",
                [
                    (cursor.lastrowid, doc.locale, embeddings.MODEL_NAME, v.tobytes())
                    for v in vectors
                ],
            )
            counts[doc.locale] += 1
        return counts

    def upsert(self, documents: Iterable[SearchDocument]) -> None:
        prepared = self.prepared(documents)
        self.write(lambda db: self._insert(db, prepared))

    def remove(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        self.write(lambda db: self._delete(db, keys))

    def rebuild(self, documents: Iterable[SearchDocument]) -> dict[str, int]:
        counts = Counter()
        prepared = self.prepared(documents)

        def replace(db):
            db.execute("DELETE FROM documents")
            db.execute("DELETE FROM passages")
            for code in self.locales:
                db.execute(f"DELETE FROM terms_{code}")
            counts.update(self._insert(db, prepared))

        self.write(replace, self.create())
        return {code: counts[code] for code in self.locales}

    @reading
    def counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT locale, COUNT(*) FROM documents GROUP BY locale")
        found = dict(rows.fetchall())
        return {code: found.get(code, 0) for code in self.locales}

    # -- spelling ---------------------------------------------------------------------------

    def vocabulary(self, locale: str) -> tuple[Counter, frozenset[str]]:
        """Words of the locale with their document counts, and their stems; rebuilt only
        after the index changed."""
        generation = self.db.execute("SELECT value FROM generation").fetchone()[0]
        cached = self.vocabularies.get(locale)
        if cached is None or cached[0] != generation:
            counter = Counter()
            for (text,) in self.db.execute(
                "SELECT words FROM documents WHERE locale = ?", (locale,)
            ):
                counter.update(text.split())
            cached = generation, counter, frozenset(stem(w, locale) for w in counter)
            self.vocabularies[locale] = cached
        return cached[1], cached[2]

    @reading
    def spelling(self, locale: str, query_words: list[str]) -> dict[str, str]:
        counter, stems = self.vocabulary(locale)
        corrections = {}
        for word in query_words:
            if len(word) < 4 or word.isdigit() or stem(word, locale) in stems:
                continue
            limit = 1 if len(word) <= 7 else 2
            candidates = process.extract(
                word, counter.keys(), scorer=OSA.distance, score_cutoff=limit, limit=10
            )
            if candidates:
                best = min(candidates, key=lambda c: (c[1], -counter[c[0]], c[0]))
                corrections[word] = best[0]
        return corrections

    # -- searching --------------------------------------------------------------------------

    def with_compounds(self, clause: Clause, locale: str) -> Clause:
        """The clause, with the vocabulary's compounds of each single-word alternative added."""
        _, stems = self.vocabulary(locale)
        found = [
            (compound,)
            for (part,) in (a for a in clause.alternatives if len(a) == 1)
            if len(part) >= MIN_COMPOUND_PART
            for compound in stems
            if part in compound and part != compound
        ]
        found.sort()  # the same clause whatever the set's order
        return Clause(tuple(dict.fromkeys((*clause.alternatives, *found))), clause.prefix)

    @reading
    def search(self, query: Query) -> ResultPage:
        table = f"terms_{query.locale}"
        if query.locale in COMPOUNDING:
            clauses = tuple(self.with_compounds(c, query.locale) for c in query.clauses)
            query = replace(query, clauses=clauses)
        total = self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        coverage = Counter()
        for clause in query.clauses:
            rows = self.db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (clause_expression(clause),)
            ).fetchall()
            weight = idf(total, len(rows))
            for (rowid,) in rows:
                coverage[rowid] += weight
        scores = {}
        if query.clauses:
            expression = " OR ".join(clause_expression(c) for c in query.clauses)
            weights = ", ".join(map(str, WEIGHTS))
            rows = self.db.execute(
                f"SELECT rowid, bm25({table}, {weights}) FROM {table} WHERE {table} MATCH ?",
                (expression,),
            )
            scores = dict(rows.fetchall())
        exact = set()
        if len(query.phrase) > 1:
            rows = self.db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (phrase_expression(query),)
            )
            exact = {r[0] for r in rows}
        pinned = self.ids_by_key(query.locale, query.pinned)
        on_words = sorted(
            (r for r in coverage if r not in pinned),
            key=lambda r: (-coverage[r], r not in exact, scores[r]),
        )
        on_meaning = [r for r in self.nearest(query, set(on_words)) if r not in pinned]
        related = []
        if not (on_words or pinned):
            related, on_meaning = on_meaning[:RELATED], []
        ranked = pinned + (fuse([on_words, on_meaning]) if on_meaning else on_words)
        facets = {name: Counter() for name in FACETS}
        kept = []
        for row in self.rows_by_id(ranked, "id, type, part, topics"):
            facets["type"][row["type"]] += 1
            if row["part"]:
                facets["part"][row["part"]] += 1
            facets["topic"].update(json.loads(row["topics"]))
            if self.passes(row, query):
                kept.append(row["id"])
        window = self.rows_by_id(kept[query.offset : query.offset + query.limit])
        stems = query.stems
        hits = [self.hit(row, stems, query.locale, row["id"] in pinned) for row in window]
        return ResultPage(
            total=len(kept),
            hits=hits,
            facets={name: by_count(counter) for name, counter in facets.items()},
            related=[self.hit(row, stems, query.locale, False) for row in self.rows_by_id(related)],
        )

    def meaning(self, locale: str) -> tuple[np.ndarray, np.ndarray]:
        """The locale's passage vectors (one matrix) and each row's document id, from this
        process's model only; read again only after the index changed."""
        generation = self.db.execute("SELECT value FROM generation").fetchone()[0]
        cached = self.matrices.get(locale)
        if cached is None or cached[0] != generation:
            rows = self.db.execute(
                "SELECT document_id, vector FROM passages WHERE locale = ? AND model = ?",
                (locale, embeddings.MODEL_NAME),
            ).fetchall()
            ids = np.array([row[0] for row in rows], dtype=np.int64)
            matrix = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32)
            cached = generation, ids, matrix.reshape(len(rows), embeddings.DIMENSIONS)
            self.matrices[locale] = cached
        return cached[1], cached[2]

    def nearest(self, query: Query, on_words: set[int]) -> list[int]:
        """Documents whose best passage is closest in meaning to the query, best first; when
        some match the words, only those closer in meaning than the closest of them."""
        if query.vector is None:
            return []
        ids, matrix = self.meaning(query.locale)
        if not len(ids):
            return []
        similarity = matrix @ np.asarray(query.vector, dtype=np.float32)
        enough = min(len(similarity), PASSAGES_PER_DOCUMENT * MEANING_DEPTH)
        rows = np.argpartition(-similarity, enough - 1)[:enough]
        best, settled = self.closest_documents(
            ids, rows[np.argsort(-similarity[rows], kind="stable")], on_words
        )
        if not settled and enough < len(similarity):  # rare: every passage, in order
            best, _ = self.closest_documents(ids, np.argsort(-similarity, kind="stable"), on_words)
        return best

    @staticmethod
    def closest_documents(ids, rows, on_words: set[int]) -> tuple[list[int], bool]:
        """The documents of these passages (closest first), until MEANING_DEPTH of them or one
        that matches the words (the rest are no closer than it); whether that point was met."""
        best: list[int] = []
        for row in rows:
            document = int(ids[row])
            if len(best) == MEANING_DEPTH or document in on_words:
                return best, True
            if document not in best:
                best.append(document)
        return best, False
        return best

    def ids_by_key(self, locale: str, keys: tuple[str, ...]) -> list[int]:
        """Row ids of these documents of the locale, in the order of `keys`."""
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT key, id FROM documents WHERE locale = ? AND key IN ({marks})", (locale, *keys)
        )
        by_key = dict(rows.fetchall())
        return [by_key[k] for k in keys if k in by_key]

    def rows_by_id(self, ids: list[int], columns: str = "*") -> list[sqlite3.Row]:
        """These documents' rows (the given columns), in the order of `ids`."""
        by_id = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT {columns} FROM documents WHERE id IN ({marks})"
            for row in self.db.execute(query, chunk):
                by_id[row["id"]] = row
        return [by_id[i] for i in ids]

    @staticmethod
    def passes(row: sqlite3.Row, query: Query) -> bool:
        f = query.filters
        return (
            (not f.type or row["type"] == f.type)
            and (not f.part or row["part"] == f.part)
            and (not f.topic or f.topic in json.loads(row["topics"]))
        )

    @staticmethod
    def hit(row: sqlite3.Row, stems: set[str], locale: str, pinned: bool) -> Hit:
        text = f"{row['summary']} {row['body']}".strip()
        topics = json.loads(row["topics"])
        return Hit.from_stored(row, row["key"], topics, highlight(text, stems, locale), pinned)
