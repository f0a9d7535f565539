"""Search behaviour, one suite for every engine: language-aware matching in EN/FR/NL, typos,
editors' synonyms and best bets, facets, highlights, and bad input through the public API."""

import pytest
from wagtail.models import Locale

from search.models import BestBet, SynonymSet
from services.models import Service
from tests.api_helpers import assert_matches_expected, assert_matches_schema

API = "/api/v1/search/"


def results(client, q, locale, **params):
    response = client.get(API, {"q": q, "locale": locale, **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def ids(data) -> list[str]:
    """Results named as the relevance cases name them: "A.5.3.1" or "service:<slug>"."""
    return [r["number"] if r["type"] == "section" else f"service:{r['slug']}" for r in data]


def top(client, q, locale, n=3, **params) -> list[str]:
    return ids(results(client, q, locale, **params)["results"])[:n]


@pytest.mark.parametrize(
    "q, locale, expected",
    [
        ("bodily injury", "en", "A.4.2"),  # the title says "injuries"
        ("addicted", "en", "A.5.6"),  # "addiction"
        ("violence économique", "fr", "A.2"),  # the text says "violences économiques"
        ("verblijfsvergunningen", "nl", "A.5.3.1"),  # the text says "verblijfsvergunning"
        ("gezinsherenigingen", "nl", "A.5.3.1"),
    ],
)
def test_stemming_finds_other_forms_of_a_word(client, engine, q, locale, expected):
    assert expected in top(client, q, locale)


@pytest.mark.parametrize(
    "typed, accented, locale",
    [
        ("numero d'urgence", "numéro d'urgence", "fr"),
        ("sante mentale", "santé mentale", "fr"),
        ("TAALBARRIERE", "taalbarrière", "nl"),
    ],
)
def test_accents_and_capitals_do_not_matter(client, engine, typed, accented, locale):
    assert top(client, typed, locale, 10) == top(client, accented, locale, 10)
    assert top(client, typed, locale)


def test_stop_words_do_not_change_what_is_found(client, engine):
    assert top(client, "the cycle of the violence", "en", 1) == ["A.3"]
    assert top(client, "le cycle de la violence", "fr", 1) == ["A.3"]


@pytest.mark.parametrize(
    "typo, fixed, locale, expected",
    [
        ("violance", "violence", "en", "A"),
        ("viloence", "violence", "en", "A"),
        ("viloence", "violence", "fr", "A"),
        ("slachtoferhulp", "slachtofferhulp", "nl", "B.2.2"),
        ("slachtofferhulp telfoon", "slachtofferhulp telefoon", "nl", "B.2.2"),
        ("dissability", "disability", "en", "A.5.8"),
        ("handicapp", "handicap", "fr", "A.5.8"),
        ("gezinsherenjging", "gezinshereniging", "nl", "A.5.3.1"),
    ],
)
def test_a_misspelt_word_still_finds_and_suggests_the_right_word(
    client, engine, dictionaries, typo, fixed, locale, expected
):
    data = results(client, typo, locale)
    assert data["did_you_mean"] == fixed
    assert expected in ids(data["results"])[:3]


def test_correctly_spelt_words_get_no_suggestion(client, engine):
    assert results(client, "family reunification", "en")["did_you_mean"] is None


def test_seeded_synonyms_are_applied(client, engine):
    assert "A.5.2" in top(client, "pimp", "en")  # the sheet says "loverboys"
    assert "A.5.3.3" in top(client, "undocumented", "en")  # the title says "illegal residence"


def test_an_editors_synonym_set_applies_at_once_and_only_in_its_language(client, engine):
    assert results(client, "procurer", "en")["count"] == 0
    synonyms = SynonymSet.objects.create(
        terms="procurer, loverboy", locale=Locale.objects.get(language_code="en")
    )
    assert "A.5.2" in top(client, "procurer", "en")
    assert results(client, "procurer", "fr")["count"] == 0
    synonyms.delete()
    assert results(client, "procurer", "en")["count"] == 0


def test_a_best_bet_comes_first_for_its_query_in_its_language(client, engine):
    helpline = Service.objects.get(slug="helpline-1712", locale__language_code="fr")
    BestBet.objects.create(
        query="besoin d'aide", locale=Locale.objects.get(language_code="fr"), service=helpline
    )
    first = results(client, "Besoin d’aide !", "fr")["results"][0]
    assert (first["slug"], first["best_bet"]) == ("helpline-1712", True)
    others = results(client, "besoin", "fr")["results"]
    assert not any(r["best_bet"] for r in others)
    assert not any(r["best_bet"] for r in results(client, "hulp nodig", "nl")["results"])


def test_a_section_number_finds_that_section_first(client, engine):
    first = results(client, "a.5.3.1", "en")["results"][0]
    assert first["number"] == "A.5.3.1"
    assert top(client, "B 2.4", "fr", 1) == ["B.2.4"]


def test_results_have_the_contract_fields_and_marked_highlights(client, engine):
    data = results(client, "interpreter", "en")
    assert data["count"] == len(data["results"]) or data["next"]
    for result in data["results"]:
        assert {"type", "title", "url", "highlight"} <= set(result)
        assert ("number" in result) == (result["type"] == "section")
        assert ("slug" in result) == (result["type"] == "service")
        assert result["url"].startswith("http://testserver/en/")
    marked = [r["highlight"] for r in data["results"] if "<mark>" in r["highlight"]]
    assert marked and all("<mark>interpreter" in h.lower() for h in marked[:1])


def test_services_are_found_with_a_link_to_their_record(client, engine):
    data = results(client, "CPVCF", "en")
    service = next(r for r in data["results"] if r["type"] == "service")
    assert service["slug"] == "cpvcf"
    assert service["url"].endswith("#service-cpvcf")
    assert client.get(service["url"].split("#")[0]).status_code == 200


def test_facets_count_before_filtering_and_filters_narrow(client, engine):
    everything = results(client, "violence", "en", page_size=100)
    facets = {f["value"]: f["count"] for f in everything["facets"]["type"]}
    assert facets["section"] + facets["service"] == everything["count"]
    sections = results(client, "violence", "en", type="section", page_size=100)
    assert sections["count"] == facets["section"]
    assert {r["type"] for r in sections["results"]} == {"section"}
    assert sections["facets"] == everything["facets"]
    part_b = results(client, "violence", "en", part="B", page_size=100)["results"]
    assert part_b and all(r["number"].startswith("B") for r in part_b)
    topic = results(client, "violence", "en", topic="migration", page_size=100)["results"]
    assert topic and all("migration" in r["topics"] for r in topic)


def test_pages_of_results_follow_on_without_repeats(client, engine):
    first = results(client, "violence", "en", page_size=5)
    second = client.get(first["next"]).json()
    assert second["count"] == first["count"]
    assert not set(ids(first["results"])) & set(ids(second["results"]))


def test_results_are_in_the_requested_language(client, engine):
    for code in ("en", "fr", "nl"):
        for result in results(client, "112", code)["results"]:
            assert f"/{code}/" in result["url"]


def test_suggestions_as_you_type(client, engine):
    response = client.get(f"{API}suggest/", {"q": "loverb", "locale": "en"})
    assert response.status_code == 200
    assert "A.5.2" in ids(response.json()["results"])
    finished = client.get(f"{API}suggest/", {"q": "family reun", "locale": "en"}).json()
    assert ids(finished["results"])[0] == "A.5.3.1"


@pytest.mark.parametrize(
    "q",
    ['"', "*", "violence*", "NEAR(violence", "OR(", "AND", "violence OR", "-violence",
     "title:violence", "a:b:c", "(((", "'; DROP TABLE documents; --", "^~{}[]",
     "violence " * 40],
)  # fmt: skip
def test_query_syntax_of_the_engines_is_just_text(client, engine, q):
    response = client.get(API, {"q": q[:200], "locale": "en"})
    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 400:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["invalid_params"][0]["name"] == "q"


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"q": ""}, "blank"),
        ({"q": "   "}, "blank"),
        ({"q": "?!…"}, "no letters or digits"),
        ({"q": "viol\x00ence"}, "NUL"),
        ({"q": "x" * 201}, "200"),
        ({}, "required"),
        ({"q": "violence", "locale": "de"}, "Unknown locale"),
        ({"q": "violence", "type": "page"}, "valid choice"),
        ({"q": "violence", "page": "0"}, "greater than or equal"),
        ({"q": "violence", "sort": "date"}, "Unknown parameter"),
    ],
)
def test_bad_input_is_a_400_that_says_what_is_wrong(client, engine, params, reason):
    response = client.get(API, {"locale": "en", **params})
    assert response.status_code == 400
    assert reason in str(response.json()["invalid_params"])


def test_search_responses_are_never_stored_by_caches(client, engine):
    response = client.get(API, {"q": "violence", "locale": "en"})
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.parametrize(
    "q, locale, danger",
    [
        ("he will kill me", "en", True),
        ("il va me tuer", "fr", True),
        ("hij gaat me vermoorden", "nl", True),
        ("skills", "en", False),
        ("cycle de la violence", "fr", False),
    ],
)
def test_the_api_says_when_a_query_says_someone_is_in_danger(client, engine, q, locale, danger):
    data = results(client, q, locale)
    assert data["emergency"] is danger
    assert_matches_schema(data, "SearchResponse")


def test_a_danger_query_is_answered_in_full(client, engine):
    data = results(client, "he will kill me", "en", page_size=3)
    assert_matches_expected(data, "search-danger-en")


def test_words_that_say_danger_are_not_corrected(client, engine):
    """The Dutch pages lack "vermoorden": it is not "corrected" to "vermoeden"."""
    data = results(client, "hij gaat me vermoorden", "nl")
    assert (data["did_you_mean"], data["emergency"]) == (None, True)
