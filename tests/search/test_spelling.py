"""'Did you mean' replaces only words that are no words of the language, on the real index:
correct words the index does not hold stay as typed, typos are still corrected and found, and
without the language's dictionary the correction is searched but never offered."""

import logging

import pytest
from bs4 import BeautifulSoup

from search import dictionary
from search.searcher import misspelt, parse
from search.text import highlight, stopwords, words
from tests.search.test_search import ids, results

CORRECT = [
    ("mijn man slaat me", "nl"),  # was "mijn man staat me"
    ("help line number", "en"),  # was "help life number"
    ("my wife is scared", "en"),  # was "my life ..."
    ("il me tape", "fr"),  # was "il me étape"
    ("je suis battue", "fr"),  # right before too (a stop word, a known stem): kept as guards
    ("il me frappe", "fr"),
]


@pytest.mark.parametrize("q, locale", CORRECT)
def test_correct_words_get_no_did_you_mean(client, engine, dictionaries, q, locale):
    assert results(client, q, locale)["did_you_mean"] is None
    path = {"en": "/en/search/", "fr": "/fr/recherche/", "nl": "/nl/zoeken/"}[locale]
    page = BeautifulSoup(client.get(path, {"q": q}).content, "html.parser")
    assert page.select_one(".did-you-mean") is None


def test_only_words_in_neither_the_dictionary_nor_the_index_are_corrected(engine, dictionaries):
    assert not dictionary.is_word("viloence", "en")
    assert engine.spelling("en", ["viloence"]) == {"viloence": "violence"}
    assert parse("viloence", "en")[1] == {"viloence": "violence"}
    assert dictionary.is_word("wine", "en")
    assert engine.spelling("en", ["wine"])  # the index alone would "correct" it ("wife")
    assert parse("he drinks wine every night", "en")[1] == {}


def test_the_dictionary_reads_the_word_as_typed_and_in_lower_case(dictionaries):
    assert dictionary.is_word("Bruxelles", "fr") and not dictionary.is_word("bruxelles", "fr")
    assert dictionary.is_word("Mijn", "nl") and dictionary.is_word("SLAAT", "nl")
    assert dictionary.is_word("numéro", "fr") and not dictionary.is_word("numero", "fr")


def test_a_word_typed_with_its_accents_is_a_word(dictionaries):
    assert misspelt(["numero"], "Numéro", "fr") == []
    assert misspelt(["numero"], "numero", "fr") == ["numero"]  # the index knows it: not corrected


def test_without_the_dictionary_the_correction_is_searched_but_not_offered(
    client, engine, dictionaries, without_dictionary, caplog
):
    without_dictionary("nl")
    with caplog.at_level(logging.INFO, logger="search.dictionary"):
        data = results(client, "slachtoferhulp", "nl")
        assert results(client, "mijn man slaat me", "nl")["did_you_mean"] is None
    assert data["did_you_mean"] is None
    assert "B.2.2" in ids(data["results"])[:3]  # "slachtofferhulp" was searched all the same
    logged = [r for r in caplog.records if "No hunspell dictionary for xx_XX" in r.getMessage()]
    assert len(logged) == 1 and logged[0].levelno == logging.INFO
    assert results(client, "viloence", "en")["did_you_mean"] == "violence"  # others unharmed


@pytest.mark.parametrize(
    "q, locale",
    [
        ("kans", "nl"),  # stem "kan", as the stop word "kan"
        ("alle", "nl"),  # "al", as "als", "al", "alles"
        ("celle", "fr"),  # "cel", as "cela"
        ("others", "en"),  # "other"
        ("willing", "en"),  # "will"
    ],
)
def test_highlights_never_mark_a_stop_word(client, engine, q, locale):
    marked = {
        word
        for result in results(client, q, locale, page_size=100)["results"]
        for mark in BeautifulSoup(result["highlight"], "html.parser")("mark")
        for word in words(mark.get_text())
    }
    assert marked
    assert not marked & stopwords(locale)


def test_a_stop_word_sharing_a_query_words_stem_is_not_marked():
    text = "Hij kan niet weg. Er is een kans dat het erger wordt"
    assert highlight(text, {"kan"}, "nl") == (
        "Hij kan niet weg. Er is een <mark>kans</mark> dat het erger wordt"
    )
