"""Danger signals: phrases editors keep per language; a search that contains one says someone may
be in danger now. Matched on whole words in the query's language (stemmed, accents and capitals
folded, small words kept), never inside a word; seeded once from content/search.yaml."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from search.danger import signals_danger
from search.models import DangerSignal
from tests.conftest import edit_yaml


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.mark.parametrize(
    "query, language",
    [
        ("he will kill me", "en"),
        ("He said he'd KILL ME", "en"),  # capitals
        ("death threats from my ex", "en"),  # plural of "death threat"
        ("he is outside right now", "en"),
        ("my ex strangled me", "en"),
        ("femicide", "en"),
        ("I want to die", "en"),
        ("he hits the children", "en"),
        ("il va me tuer", "fr"),
        ("menaces de mort", "fr"),  # plural of "menace de mort"
        ("il m'a menacée de mort", "fr"),
        ("il est devant la porte", "fr"),
        ("je suis enfermee", "fr"),  # without its accents
        ("Étranglée", "fr"),
        ("il avait un couteau", "fr"),
        ("féminicides", "fr"),
        ("je veux mourir", "fr"),
        ("mes enfants en danger", "fr"),
        ("hij gaat me vermoorden", "nl"),
        ("doodsbedreigingen", "nl"),  # plural of "doodsbedreiging"
        ("hij staat voor de deur", "nl"),
        ("ze heeft me gewurgd", "nl"),
        ("hij heeft een mes", "nl"),
        ("messen", "nl"),
        ("femicide", "nl"),
        ("ik wil dood", "nl"),
        ("mijn kinderen in gevaar", "nl"),
    ],
)
def test_a_seeded_danger_phrase_in_the_query_signals_danger(db, query, language):
    assert signals_danger(language, query)


@pytest.mark.parametrize(
    "query, language",
    [
        ("skill", "en"),  # "kill" inside a word is no match
        ("skill meeting", "en"),  # nor "kill me" across two
        ("killer whales", "en"),
        ("kill", "en"),  # "kill me" needs its small word
        ("me kill", "en"),  # nor in another order
        ("cycle of violence", "en"),
        ("gunnar", "en"),
        ("mes droits", "fr"),  # "mes" is a knife in Dutch only
        ("numéro d'urgence", "fr"),
        ("tuerie", "fr"),
        ("messias", "nl"),
        ("verblijfsvergunning", "nl"),
        ("knife", "fr"),  # each language has its own phrases
    ],
)
def test_other_queries_do_not(db, query, language):
    assert not signals_danger(language, query)


def test_a_corrected_query_counts_too(db):
    assert signals_danger("en", "he will kil me", "he will kill me")
    assert not signals_danger("en", "cycle", None)


def test_an_editors_signal_applies_at_once_and_only_in_its_language(db):
    assert not signals_danger("en", "he took my passport")
    signal = DangerSignal.objects.create(locale=locale("en"), phrases="took my passport\n")
    assert signals_danger("en", "he took my passport")
    assert not signals_danger("fr", "he took my passport")
    signal.delete()
    assert not signals_danger("en", "he took my passport")


def test_every_language_is_seeded_with_each_kind_of_danger(db):
    notes = {
        code: set(DangerSignal.objects.filter(locale__language_code=code).values_list("note"))
        for code in ("en", "fr", "nl")
    }
    assert all(len(found) == 5 for found in notes.values()), notes  # kill, now, femicide, ...


def test_a_signal_needs_phrases_with_words(db):
    with pytest.raises(ValidationError, match="at least one phrase"):
        DangerSignal(locale=locale("en"), phrases=" \n ").full_clean()
    with pytest.raises(ValidationError, match="no letters or digits"):
        DangerSignal(locale=locale("en"), phrases="kill me\n?!").full_clean()
    DangerSignal(locale=locale("en"), phrases="kill me\nknife").full_clean()


def test_a_malformed_danger_seed_is_refused_and_nothing_changes(db, content_copy):
    DangerSignal.objects.all().delete()
    edit_yaml(
        content_copy / "search.yaml",
        lambda d: d["danger"].append({"locale": "en", "phrases": ["?!"]}),
    )
    with pytest.raises(CommandError, match="search.yaml.*danger signal needs one or more phrases"):
        call_command("load_content", content_dir=content_copy, verbosity=0)
    assert not DangerSignal.objects.exists()


def test_an_administrator_keeps_danger_signals_under_search(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x" * 12)
    client.force_login(user)
    listing = client.get("/admin/snippets/search/dangersignal/")
    assert listing.status_code == 200 and "Threats to kill" in listing.text
    response = client.post(
        "/admin/snippets/search/dangersignal/add/",
        {"locale": locale("fr").pk, "phrases": "il a pris mon passeport", "note": "Papiers"},
    )
    assert response.status_code == 302, response.text[:2000]
    assert signals_danger("fr", "Il a pris mon passeport !")
    menu = client.get("/admin/").text
    assert "/admin/snippets/search/dangersignal/" in menu
