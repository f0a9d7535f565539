"""Editors steer search from the admin: synonym sets and best bets, validated, seeded once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from search.models import BestBet, DangerSignal, SynonymSet
from tests.conftest import edit_yaml


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "x" * 12)
    client.force_login(user)
    return client


def locale(code):
    return Locale.objects.get(language_code=code)


def test_search_steering_is_in_the_admin(admin_client):
    for url in ("/admin/snippets/search/synonymset/", "/admin/snippets/search/bestbet/"):
        response = admin_client.get(url)
        assert response.status_code == 200
    assert "CPAS, OCMW, PCSW" in admin_client.get("/admin/snippets/search/synonymset/").text
    assert admin_client.get("/admin/snippets/search/bestbet/add/").status_code == 200


def test_an_editor_adds_a_best_bet_in_the_admin_and_it_applies(admin_client, client, section):
    target = section("B.2.4").get_translation(locale("nl"))
    response = admin_client.post(
        "/admin/snippets/search/bestbet/add/",
        {"query": "hulp nu", "locale": locale("nl").pk, "section": target.pk, "sort_order": 0},
    )
    assert response.status_code == 302, response.text[:2000]
    first = client.get("/api/v1/search/", {"q": "Hulp NU", "locale": "nl"}).json()["results"][0]
    assert (first["number"], first["best_bet"]) == ("B.2.4", True)


def test_a_best_bet_needs_exactly_one_target_in_its_own_language(section, service):
    with pytest.raises(ValidationError, match="either a section or a service"):
        BestBet(query="help", locale=locale("en")).full_clean()
    with pytest.raises(ValidationError, match="either a section or a service"):
        BestBet(
            query="help", locale=locale("en"), section=section("B.2"), service=service("cpvcf")
        ).full_clean()
    with pytest.raises(ValidationError, match="choose its"):
        BestBet(query="aide", locale=locale("fr"), section=section("B.2")).full_clean()
    with pytest.raises(ValidationError, match="at least one word"):
        BestBet(query="?!", locale=locale("en"), section=section("B.2")).full_clean()


def test_a_synonym_set_needs_two_terms_with_words(db):
    with pytest.raises(ValidationError, match="at least two"):
        SynonymSet(terms="alone").full_clean()
    with pytest.raises(ValidationError, match="no letters or digits"):
        SynonymSet(terms="shelter, ---").full_clean()
    SynonymSet(terms="shelter,\nrefuge").full_clean()


@pytest.mark.parametrize(
    "model, field, value",
    [(SynonymSet, "terms", "CPAS, OCMW"), (DangerSignal, "phrases", "hij slaat me")],
)
def test_seeded_steering_is_loaded_once_and_editors_rows_are_kept(db, model, field, value):
    edited = model.objects.first()
    setattr(edited, field, value)
    edited.save()
    model.objects.exclude(pk=edited.pk).delete()
    call_command("load_content", verbosity=0)
    assert list(model.objects.values_list(field, flat=True)) == [value]


def test_a_malformed_search_file_is_refused_and_nothing_changes(db, content_copy):
    SynonymSet.objects.all().delete()
    edit_yaml(content_copy / "search.yaml", lambda d: d["synonyms"].append({"terms": ["x"]}))
    with pytest.raises(CommandError, match="search.yaml.*synonym set needs two or more terms"):
        call_command("load_content", content_dir=content_copy, verbosity=0)
    assert not SynonymSet.objects.exists()
