"""Search relevance: our search API against Wagtail's built-in search on the same content.

Each case of the case file (YAML list of {q, locale, expect}; see its header) is asked of
GET /api/v1/search/?q=...&locale=... ; it is answered when one of `expect` (a section number such as
"A.5.3.1", or "service:<slug>") is among the first 3 results. The baseline asks the same query of
Wagtail's database search backend, `Page.objects.live().filter(locale=...).search(q)`, a result
counting by its SectionPage number; services are snippets, not pages, so it can never return one.
In-process, ours runs twice in the same run: with matching on meaning (the embedding model) and on
words alone (SEARCH_EMBEDDINGS off, the model unloaded). Prints per language and overall: cases,
share answered in the top 3, MRR@10, for each; with --verbose each case with every rank.
A measurement, not a test: exits 0 whatever the figures.

Run: .venv/bin/python bench/relevance.py [--api http://127.0.0.1:8000] [--cases PATH] [--verbose]
Without --api the API runs in-process (django.test.Client, the same code path without a socket)
on the dev database and index (fill it with `manage.py rebuild_search_index`). The baseline always
reads the database of --settings: with --api, make it the server's."""

import argparse
import io
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CASES = ROOT.parent / "shared" / "eval" / "relevance-public.yaml"
TOP, DEPTH, GOAL = 3, 10, 0.90


def load_cases(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"relevance: case file not found: {path} (give one with --cases PATH)")
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for case in cases:
        if not {"q", "locale", "expect"} <= case.keys():
            sys.exit(f"relevance: {path}: a case needs q, locale and expect: {case}")
    return cases


def api_client(base_url: str | None):
    """A function (q, locale) -> the API's results: over HTTP, or in-process."""
    if base_url:

        def get(q, locale):
            query = urllib.parse.urlencode({"q": q, "locale": locale})
            url = f"{base_url.rstrip('/')}/api/v1/search/?{query}"
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    return json.load(response)["results"]
            except urllib.error.HTTPError as error:
                sys.exit(f"relevance: {url} answered {error.code}: {error.read()[:300]!r}")

        return get
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()

    def get(q, locale):
        response = client.get("/api/v1/search/", {"q": q, "locale": locale})
        if response.status_code != 200:
            sys.exit(
                f"relevance: the API answered {response.status_code}: {response.content[:300]!r}"
            )
        return response.json()["results"]

    return get


def words_only(get):
    """The same client with matching on meaning switched off for each call."""
    from django.test import override_settings

    from search import embeddings

    def get_words_only(q, locale):
        embeddings.model.cache_clear()
        with override_settings(SEARCH_EMBEDDINGS=False):
            found = get(q, locale)
        embeddings.model.cache_clear()
        return found

    return get_words_only


def name_of(result: dict) -> str:
    return result["number"] if result["type"] == "section" else f"service:{result['slug']}"


def wagtail_names(q: str, locale) -> list[str]:
    """The baseline's ranking: SectionPage numbers, other pages as placeholders."""
    from wagtail.models import Page

    from knowledge.models import SectionPage

    pages = Page.objects.live().filter(locale=locale).search(q)[:DEPTH]
    names = []
    for page in pages:
        specific = page.specific
        names.append(specific.number if isinstance(specific, SectionPage) else f"page:{page.pk}")
    return names


def rank(names: list[str], expect: list[str]) -> int | None:
    """1-based position of the first expected result within the first DEPTH, else None."""
    return next((i for i, n in enumerate(names[:DEPTH], 1) if n in expect), None)


def ensure_wagtail_index() -> None:
    """Wagtail's index is filled by page signals (load_content does it); run update_index when a
    live page has no entry or the most recently published section is not found by its title."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from wagtail.models import Locale, Page
    from wagtail.search.models import IndexEntry

    from knowledge.models import SectionPage

    live = Page.objects.live().filter(depth__gt=1)
    page_types = ContentType.objects.filter(pk__in=live.values("content_type"))
    indexed = set(
        IndexEntry.objects.filter(content_type__in=page_types).values_list("object_id", flat=True)
    )
    current = {str(pk) for pk in live.values_list("pk", flat=True)} <= indexed
    for locale in Locale.objects.all():
        sections = SectionPage.objects.live().filter(locale=locale)
        latest = sections.order_by("-last_published_at").first()
        if current and latest:
            found = live.filter(locale=locale).search(latest.title)
            current = latest.pk in {page.pk for page in found}
    if not current:
        print("Wagtail's search index is behind the content: running update_index")
        call_command("update_index", verbosity=0, stdout=io.StringIO())


def ensure_our_index() -> None:
    """In-process only: the dev index must hold the content."""
    from search.engines import get_engine
    from search.indexing import rebuild

    if not sum(get_engine().counts().values()):
        print("our search index is empty: rebuilding it (manage.py rebuild_search_index)")
        rebuild()


def figures(ranks: list[int | None]) -> tuple[float, float]:
    if not ranks:
        return 0.0, 0.0
    top = sum(1 for r in ranks if r and r <= TOP) / len(ranks)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return top, mrr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=DEFAULT_CASES)
    parser.add_argument("--api", help="base URL of a running server; in-process when omitted")
    parser.add_argument("--settings", default="cms.settings.dev")
    parser.add_argument("--verbose", action="store_true", help="print every case")
    args = parser.parse_args()
    cases = load_cases(args.cases)
    os.environ["DJANGO_SETTINGS_MODULE"] = args.settings
    import django

    django.setup()
    from wagtail.models import Locale

    ensure_wagtail_index()
    if not args.api:
        ensure_our_index()
    ours = api_client(args.api)
    words = None if args.api else words_only(ours)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    unknown = {case["locale"] for case in cases} - locales.keys()
    if unknown:
        sys.exit(f"relevance: locales not in the database: {', '.join(sorted(unknown))}")
    rows = []
    for case in cases:
        expect = [str(e) for e in case["expect"]]
        our_rank = rank([name_of(r) for r in ours(case["q"], case["locale"])], expect)
        wagtail_rank = rank(wagtail_names(case["q"], locales[case["locale"]]), expect)
        words_rank = (
            rank([name_of(r) for r in words(case["q"], case["locale"])], expect) if words else None
        )
        rows.append((case, our_rank, wagtail_rank, words_rank))

    print(f"cases: {args.cases} ({len(cases)}); ours: {args.api or 'in-process API'}")
    if args.verbose:
        print(f"{'lang':4} {'ours':>4} {'words':>5} {'wagtail':>7}  query -> expected")
        for case, our_rank, wagtail_rank, words_rank in rows:
            print(
                f"{case['locale']:4} {our_rank or '-':>4} {words_rank or '-':>5}"
                f" {wagtail_rank or '-':>7}  {case['q']} -> {', '.join(map(str, case['expect']))}"
            )
        print()
    languages = list(dict.fromkeys(case["locale"] for case in cases))
    print(
        f"{'lang':6} {'cases':>5}  {'ours top-3':>10} {'ours MRR@10':>11}  "
        f"{'words top-3':>11} {'words MRR@10':>12}  "
        f"{'Wagtail top-3':>13} {'Wagtail MRR@10':>14}"
    )
    verdicts = []
    for language in [*languages, "all"]:
        chosen = [r for r in rows if language in ("all", r[0]["locale"])]
        our_top, our_mrr = figures([r[1] for r in chosen])
        wagtail_top, wagtail_mrr = figures([r[2] for r in chosen])
        words_top, words_mrr = figures([r[3] for r in chosen]) if words else (0.0, 0.0)
        print(
            f"{language:6} {len(chosen):5d}  {our_top:10.2f} {our_mrr:11.3f}  "
            f"{words_top:11.2f} {words_mrr:12.3f}  {wagtail_top:13.2f} {wagtail_mrr:14.3f}"
        )
        if language != "all":
            verdicts.append(f"{language} {'PASS' if our_top >= GOAL else 'MISS'} ({our_top:.2f})")
    print(f"goal: >= {GOAL:.2f} top-3 in each language: {', '.join(verdicts)}")


if __name__ == "__main__":
    main()
