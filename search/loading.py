"""The seed of editors' search steering (content/search.yaml): loaded once, then theirs."""

from typing import Literal

from pydantic import field_validator
from wagtail.models import Locale

from core.content_files import Strict
from core.languages import content_languages
from search.models import DangerSignal, SynonymSet
from search.text import words

LanguageCode = Literal[tuple(content_languages())]


class SynonymEntry(Strict):
    terms: list[str]
    locale: LanguageCode | None = None
    note: str = ""

    @field_validator("terms")
    @classmethod
    def at_least_two_words(cls, terms: list[str]) -> list[str]:
        if len(terms) < 2 or not all(words(t) for t in terms):
            raise ValueError("a synonym set needs two or more terms, each with a word in it")
        return terms


class DangerEntry(Strict):
    locale: LanguageCode
    phrases: list[str]
    note: str = ""

    @field_validator("phrases")
    @classmethod
    def phrases_with_words(cls, phrases: list[str]) -> list[str]:
        if not phrases or not all(words(p) for p in phrases):
            raise ValueError("a danger signal needs one or more phrases, each with a word in it")
        return phrases


class SearchSteeringFile(Strict):
    synonyms: list[SynonymEntry] = []
    danger: list[DangerEntry] = []


def seed_once(model, what: str, rows, report) -> None:
    """Create `rows` ((name, fields) pairs) only if the table is empty: once editors have rows
    of their own, they are never touched."""
    if model.objects.exists():
        report("kept", f"{what} (edited in the admin)")
        return
    for name, fields in rows:
        model.objects.create(**fields)
        report("created", name)


def load_search_steering(steering: SearchSteeringFile, report) -> None:
    """The seeded synonym sets and danger signals, each into an empty table only."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    synonyms = (
        (
            f"synonym set {', '.join(entry.terms)}",
            {
                "terms": ", ".join(entry.terms),
                "locale": locales.get(entry.locale) if entry.locale else None,
                "note": entry.note,
            },
        )
        for entry in steering.synonyms
    )
    seed_once(SynonymSet, "synonym sets", synonyms, report)
    signals = (
        (
            f"danger signal ({entry.locale}) {entry.note}",
            {
                "locale": locales[entry.locale],
                "phrases": "\n".join(entry.phrases),
                "note": entry.note,
            },
        )
        for entry in steering.danger
    )
    seed_once(DangerSignal, "danger signals", signals, report)
