"""Query latency of the embedded search engine (SQLite FTS5) as the corpus grows.

Corpora: (a) the real content, every document `search.documents.all_documents()` builds from the
dev database; (b) synthetic corpora 10x and 100x that size, generated on each run (fixed seed):
copies of the real documents with their own object ids and sentences shuffled and mixed with those
of other documents in the same language. Each corpus is indexed into a temporary SQLite file (the
dev index in var/ is never touched), timing `rebuild` into the empty file and, below 100x, once
more over the filled index. Queries (the case file's plus a fixed dozen per language: single
words, phrases, misspellings, prefixes, a section number) go through the whole searcher path
(`search.searcher.search`: spelling, synonyms, best bets, ranking, highlights) with
SEARCH_INDEX_PATH pointed at the temporary index: one warm-up pass, then `--repeat` timed passes,
fewer (at least 3) when they would take more than `--budget` seconds per corpus.

Run: .venv/bin/python bench/search_latency.py [--repeat 20] [--budget 15] [--cases PATH]
Prints per corpus: documents, build and rebuild seconds, first-query, p50, p99 and mean
milliseconds, p50 relative to the real corpus, and the number of timed passes."""

import argparse
import contextlib
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from unittest import mock

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "relevance-public.yaml"
SEED = 20240601
SCALES = (1, 10, 100)
BIG = 100  # from this scale on no second rebuild (its build is one), to stay short
QUERIES = {
    "en": [
        "violence", "partner violence", "residence permit", "interpreter", "mental health",
        "how to talk to a victim of violence", "violance", "homelesness", "interprter", "migra",
        "psycho", "A.5.3",
    ],
    "fr": [
        "violence", "violences conjugales", "titre de séjour", "interprète", "santé mentale",
        "comment parler à une victime de violence", "violense", "regroupemnt familial", "urgance",
        "migr", "psycho", "A.5.3",
    ],
    "nl": [
        "geweld", "partnergeweld", "verblijfsvergunning", "tolk", "geestelijke gezondheid",
        "hoe praat ik met een slachtoffer van geweld", "gewelt", "slachtofferhlp", "daklozen",
        "migra", "psych", "A.5.3",
    ],
}  # fmt: skip
SENTENCE = re.compile(r"(?<=[.!?;:])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text) if s.strip()]


def synthetic(documents: list, scale: int, rng: random.Random) -> list:
    """The real documents plus (scale - 1) mixed copies of each: distinct object ids, titles and
    headings taken from another document of the language, body sentences half their own, half
    from others of the language, shuffled."""
    by_locale = {}
    for doc in documents:
        by_locale.setdefault(doc.locale, []).append(doc)
    pools = {code: [s for d in docs for s in sentences(d.body)] for code, docs in by_locale.items()}
    step = max(d.object_id for d in documents) + 1
    corpus = list(documents)
    for copy in range(1, scale):
        for doc in documents:
            others = by_locale[doc.locale]
            own = sentences(doc.body)
            mixed = rng.sample(own, len(own) // 2 + len(own) % 2)
            mixed += rng.choices(pools[doc.locale], k=len(own) // 2)
            rng.shuffle(mixed)
            corpus.append(
                replace(
                    doc,
                    object_id=doc.object_id + copy * step,
                    title=rng.choice(others).title,
                    headings=rng.choice(others).headings,
                    summary=rng.choice(pools[doc.locale]) if doc.summary else "",
                    body=" ".join(mixed),
                )
            )
    return corpus


def queries(cases_path: Path) -> list[tuple[str, str]]:
    found = []
    if cases_path.exists():
        found = [(c["q"], c["locale"]) for c in yaml.safe_load(cases_path.read_text()) or []]
    return found + [(q, code) for code, texts in QUERIES.items() for q in texts]


def measure(
    path: Path, corpus: list, workload: list, repeat: int, budget: float, scale: int, meaning: bool
):
    from django.test import override_settings

    from search import embeddings
    from search.engines import get_engine
    from search.engines.base import Filters
    from search.searcher import search

    embeddings.model.cache_clear()
    # The generated documents are not in the database: the check of each page of results against
    # the public documents would remove them, so it is left out for them (kept on the real one).
    public_only = (
        mock.patch("search.searcher.only_public", lambda page: page)
        if scale > 1
        else contextlib.nullcontext()
    )
    again = scale < BIG
    with override_settings(SEARCH_INDEX_PATH=path, SEARCH_EMBEDDINGS=meaning), public_only:
        engine = get_engine()
        start = time.perf_counter()
        engine.rebuild(corpus)
        build = time.perf_counter() - start
        rebuild = None
        if again:
            start = time.perf_counter()
            engine.rebuild(corpus)
            rebuild = time.perf_counter() - start
        start = time.perf_counter()
        search(*workload[0], Filters())  # the first query after a change loads the vocabulary
        first = time.perf_counter() - start
        start = time.perf_counter()
        for text, locale in workload:  # warm-up
            search(text, locale, Filters())
        per_pass = time.perf_counter() - start
        if budget:
            repeat = min(repeat, max(3, int(budget / per_pass)))
        timings = []
        for _ in range(repeat):
            for text, locale in workload:
                start = time.perf_counter()
                search(text, locale, Filters())
                timings.append(time.perf_counter() - start)
    timings.sort()
    return {
        "documents": len(corpus),
        "build": build,
        "rebuild": rebuild,
        "first": first * 1000,
        "p50": statistics.median(timings) * 1000,
        "p99": timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000,
        "mean": statistics.fmean(timings) * 1000,
        "repeat": repeat,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the queries")
    parser.add_argument(
        "--budget", type=float, default=15.0,
        help="seconds of timed passes per corpus: fewer passes (at least 3) when --repeat would "
        "take longer; 0 runs exactly --repeat",
    )  # fmt: skip
    parser.add_argument("--settings", default="cms.settings.dev")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
    import django

    django.setup()
    from search.documents import all_documents

    started = time.perf_counter()
    documents = list(all_documents())
    elapsed = time.perf_counter() - started
    print(f"read {len(documents)} documents from the database in {elapsed:.2f} s")
    workload = queries(args.cases)
    source = "the case file's and" if args.cases.exists() else f"no case file ({args.cases}),"
    fixed = sum(map(len, QUERIES.values()))
    print(f"{len(workload)} queries ({source} {fixed} fixed ones), a warm-up pass, timed passes")
    rng = random.Random(SEED)
    results = []
    with tempfile.TemporaryDirectory(prefix="ipvkb-search-bench-") as workdir:
        for scale in SCALES:
            corpus = synthetic(documents, scale, rng)
            for meaning in (True, False):
                path = Path(workdir) / f"search-{scale}x-{meaning}.sqlite3"
                result = measure(path, corpus, workload, args.repeat, args.budget, scale, meaning)
                name = f"{scale}x" if scale > 1 else "real"
                results.append((f"{name}{'' if meaning else ' words'}", result))
    base = results[0][1]["p50"]
    memory = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{'corpus':11} {'docs':>6} {'build s':>8} {'rebuild s':>9} {'first ms':>9} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'mean ms':>8} {'p50/real':>8} {'passes':>6}"
    )
    for name, r in results:
        rebuild = f"{r['rebuild']:9.2f}" if r["rebuild"] is not None else f"{'-':>9}"
        print(
            f"{name:11} {r['documents']:6d} {r['build']:8.2f} {rebuild} {r['first']:9.1f} "
            f"{r['p50']:7.2f} {r['p99']:7.2f} {r['mean']:8.2f} {r['p50'] / base:7.2f}x "
            f"{r['repeat']:6d}"
        )
    print(
        "build: rebuild() into an empty index file; rebuild: rebuild() again over the filled index "
        f"(not repeated at {BIG}x, to stay short);\nfirst: the first query after the index "
        "changed (it loads the spelling vocabulary); p50/p99/mean over passes x "
        f"{len(workload)} queries."
    )
    print(
        "'words': the same corpus with matching on meaning off (no vectors, no query embedding);"
        " the copies' passages are the originals', so their vectors come from the cache: the"
        " number of vectors grows with the corpus, the embedding work of the build does not.\n"
        f"peak memory of this process (model loaded, every corpus): {memory:.0f} MB"
    )
    reduced = [name for name, r in results if r["repeat"] < args.repeat]
    if reduced:
        print(
            f"note: fewer passes than --repeat {args.repeat} on {', '.join(reduced)}, to keep "
            f"each corpus's timed passes within --budget {args.budget:g} s (--budget 0: all)."
        )


if __name__ == "__main__":
    main()
