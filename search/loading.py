"""The seed of editors' search steering (content/search.yaml): loaded once, then theirs."""

from typing import Literal

from pydantic import field_validator
from wagtail.models import Locale

from core.content_files import Strict
from core.languages import content_languages
from search.models import SynonymSet
from search.text import words


class SynonymEntry(Strict):
    terms: list[str]
    locale: Literal[tuple(content_languages())] | None = None
    note: str = ""

    @field_validator("terms")
    @classmethod
    def at_least_two_words(cls, terms: list[str]) -> list[str]:
        if len(terms) < 2 or not all(words(t) for t in terms):
            raise ValueError("a synonym set needs two or more terms, each with a word in it")
        return terms


class SearchSteeringFile(Strict):
    synonyms: list[SynonymEntry] = []


def load_search_steering(steering: SearchSteeringFile, report) -> None:
    """Create the seeded synonym sets if there are none yet; editors' own sets are never touched."""
    if SynonymSet.objects.exists():
        report("kept", "synonym sets (edited in the admin)")
        return
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for entry in steering.synonyms:
        SynonymSet.objects.create(
            terms=", ".join(entry.terms),
            locale=locales.get(entry.locale) if entry.locale else None,
            note=entry.note,
        )
        report("created", f"synonym set {', '.join(entry.terms)}")
