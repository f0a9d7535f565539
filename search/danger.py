"""Whether a search says that someone may be in danger now: editors' danger signals in the
query's language, matched on whole words in that language's analysis with its small words kept
("he will kill me" is not "kill"), never inside a word ("skill" is not "kill")."""

from collections.abc import Sequence

from search.models import DangerSignal
from search.text import terms


def contains_run(stems: Sequence[str], run: Sequence[str]) -> bool:
    """Whether `run` occurs in `stems` as consecutive words."""
    size = len(run)
    return size > 0 and any(
        tuple(stems[i : i + size]) == tuple(run) for i in range(len(stems) - size + 1)
    )


def signals_danger(locale: str, *texts: str | None) -> bool:
    """Whether any of `texts` (what was typed, its correction) holds a danger phrase of `locale`."""
    queries = [terms(text, locale) for text in texts if text]
    phrases = (
        terms(phrase, locale)
        for signal in DangerSignal.objects.filter(locale__language_code=locale)
        for phrase in signal.phrase_list()
    )
    return any(contains_run(query, phrase) for phrase in phrases for query in queries)
