"""From what a person typed to a ranked page of results, the same for every engine: words in
the locale's analysis, words that are no words of the language corrected from the index's own
vocabulary, editors' synonym sets expanded, best bets and section numbers pinned first, matching
on meaning fused in, and whether it says someone may be in danger now."""

import logging
import re
from dataclasses import dataclass, replace

from django.db.models import Q

from changes.models import PublicDocument
from changes.reconcile import ensure_current
from knowledge.models import SectionPage
from knowledge.visibility import visible_pages
from search import dictionary, embeddings
from search.danger import signals_danger
from search.engines import get_engine
from search.engines.base import Clause, Filters, Hit, Query, ResultPage
from search.models import BestBet, SynonymSet
from search.text import WORD, as_typed, fold, significant, stem, words

logger = logging.getLogger(__name__)
MAX_WORDS = 16
SECTION_NUMBER = re.compile(r"^\s*([a-z])\s*\.?\s*(\d{1,3}(?:\s*\.\s*\d{1,3})*)\s*$", re.I)


class NothingToSearch(ValueError):
    """The query has no letters or digits."""

    message = "The query has no letters or digits to search for."


@dataclass
class Outcome:
    page: ResultPage
    did_you_mean: str | None
    emergency: bool  # the query holds a danger signal: the emergency numbers come first


def synonym_phrases(locale: str) -> list[list[tuple[str, ...]]]:
    """Editors' synonym sets for this locale (and for every locale), each term as stems."""
    sets = SynonymSet.objects.filter(Q(locale__language_code=locale) | Q(locale__isnull=True))
    return [
        [tuple(stem(w, locale) for w in significant(words(t), locale)) for t in s.term_list()]
        for s in sets
    ]


def build_clauses(stems: list[str], extra: dict[int, str], locale: str) -> list[Clause]:
    """One clause per word, except where a run of words is a term of a synonym set: that run
    becomes one clause satisfied by any term of the set. `extra` holds corrected stems."""
    sets = synonym_phrases(locale)
    clauses, i = [], 0
    while i < len(stems):
        found = None
        for terms in sets:
            for term in sorted(terms, key=len, reverse=True):
                if term and tuple(stems[i : i + len(term)]) == term:
                    found = (term, terms)
                    break
            if found:
                break
        if found:
            term, terms = found
            clauses.append(Clause(tuple(dict.fromkeys(t for t in terms if t))))
            i += len(term)
            continue
        alternatives = [(stems[i],)]
        if i in extra:
            alternatives.append((extra[i],))
        clauses.append(Clause(tuple(alternatives)))
        i += 1
    return clauses


def misspelt(folded: list[str], text: str, locale: str) -> list[str]:
    """The words that may be typos: none of the ways each was typed is a word of the language.
    The engine corrects only those it does not know either; without the language's dictionary
    every word may be a typo."""
    forms = as_typed(text)
    return [w for w in folded if not any(dictionary.is_word(f, locale) for f in forms.get(w, {w}))]


def parse(text: str, locale: str, as_you_type: bool = False) -> tuple[list[Clause], dict]:
    """Clauses for `text`, and the corrections to offer (typed word -> corrected word). The
    corrected word is searched beside the typed one; it is offered only when the language's
    dictionary says the typed word is no word (without it, a typo cannot be told apart)."""
    typed = significant(words(text)[:MAX_WORDS], locale)
    if not typed:
        raise NothingToSearch(NothingToSearch.message)
    still_typing = as_you_type and not text[-1:].isspace()
    checked = typed[:-1] if still_typing else typed
    corrections = get_engine().spelling(locale, misspelt(checked, text, locale))
    primary = [stem(corrections.get(w, w), locale) for w in typed]
    extra = {i: stem(w, locale) for i, w in enumerate(typed) if w in corrections}
    clauses = build_clauses(primary, extra, locale)
    if still_typing and clauses and len(clauses[-1].alternatives) == 1:
        last = typed[-1]
        prefix = min(last, stem(last, locale), key=len)
        clauses[-1] = Clause(((prefix,),), prefix=True)
    return clauses, corrections if dictionary.installed(locale) else {}


def pinned_keys(text: str, locale: str) -> tuple[str, ...]:
    """Best bets whose query reads the same as this one, then a section named by its number."""
    analysed = [stem(w, locale) for w in significant(words(text), locale)]
    bets = BestBet.objects.filter(locale__language_code=locale)
    keys = [
        bet.target_key
        for bet in bets
        if [stem(w, locale) for w in significant(words(bet.query), locale)] == analysed
    ]
    number = SECTION_NUMBER.match(text)
    if number:
        wanted = number.group(1).upper() + "." + re.sub(r"\s", "", number.group(2))
        sections = SectionPage.objects.filter(locale__language_code=locale, number=wanted)
        section = visible_pages(sections).first()
        if section:
            keys.append(f"section:{section.pk}")
    return tuple(dict.fromkeys(keys))


def did_you_mean(text: str, corrections: dict[str, str]) -> str | None:
    if not corrections:
        return None
    return WORD.sub(lambda m: corrections.get(fold(m.group()), m.group()), text)


def search(text: str, locale: str, filters: Filters, offset: int = 0, limit: int = 20) -> Outcome:
    ensure_current()  # first: corrections come from the index, which follows the documents
    clauses, corrections = parse(text, locale)
    phrase = [stem(corrections.get(w, w), locale) for w in words(text)[:MAX_WORDS]]
    query = Query(
        locale=locale,
        clauses=tuple(clauses),
        filters=filters,
        pinned=pinned_keys(text, locale),
        phrase=tuple(phrase),
        offset=offset,
        limit=limit,
        vector=embeddings.query_vector(text),
    )
    # Words that already say someone is in danger are not offered a "correction".
    danger = signals_danger(locale, text)
    corrected = None if danger else did_you_mean(text, corrections)
    return Outcome(
        only_public(get_engine().search(query)),
        corrected,
        emergency=danger or signals_danger(locale, corrected),
    )


def suggest(text: str, locale: str, limit: int = 8) -> list[Hit]:
    """Titles to offer while someone types: the last word counts as the start of a word."""
    ensure_current()
    clauses, _ = parse(text, locale, as_you_type=True)
    query = Query(locale=locale, clauses=tuple(clauses), limit=limit)
    return only_public(get_engine().search(query)).hits


def only_public(page: ResultPage) -> ResultPage:
    """The page without hits that are no longer public (an index write that failed, say):
    checked against the public documents, and removed from the index on the way."""
    ensure_current()
    shown = [*page.hits, *page.related]
    keys = {(hit.type, hit.object_id) for hit in shown}
    public = set(
        PublicDocument.objects.filter(
            object_type__in={t for t, _ in keys}, object_id__in={i for _, i in keys}
        ).values_list("object_type", "object_id")
    )
    stale = [hit.key for hit in shown if (hit.type, hit.object_id) not in public]
    if not stale:
        return page
    logger.warning("Search index held %s, which may not be shown; removing them.", stale)
    try:
        get_engine().remove(stale)
    except Exception:
        logger.exception("Could not remove %s from the search index.", stale)
    hits = [hit for hit in page.hits if hit.key not in stale]
    total = max(page.total - (len(page.hits) - len(hits)), len(hits))
    related = [hit for hit in page.related if hit.key not in stale]
    return replace(page, hits=hits, total=total, related=related)
