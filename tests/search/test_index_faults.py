"""A failing index is loud and safe: a write that fails is queued and retried until it lands,
nothing unpublished is ever shown meanwhile, and a missing, empty or corrupt index makes search
say it is unavailable (with the helplines), /healthz red, until `rebuild_search_index` (which
rebuilds whatever state the file is in) repairs it."""

import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.engines import embedded, get_engine
from search.engines.base import Filters
from search.indexing import rebuild
from search.models import IndexRetry
from search.searcher import search

WORD = "loverboys"  # in A.5.2 only


@pytest.fixture
def index(settings, tmp_path, monkeypatch, db):
    """The whole content indexed in a file of this test's; writes give up after 0.2 s."""
    monkeypatch.setattr(embedded, "WRITE_WAIT", 0.2)
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_PATH = tmp_path / "index.sqlite3"
    rebuild()
    return settings.SEARCH_INDEX_PATH


def indexed(path, key: str) -> bool:
    with sqlite3.connect(path) as connection:
        return bool(connection.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone())


def locked(path) -> sqlite3.Connection:
    """Another process's write transaction on the index, holding it until closed."""
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    return locker


def test_an_unpublish_during_an_index_failure_never_shows_and_the_retry_converges(
    index, section, editor, committed, client
):
    page = section("A.5.2")
    key = f"section:{page.pk}"
    locker = locked(index)
    committed(page.unpublish)
    assert IndexRetry.objects.filter(kind="section", object_id=page.pk).exists()
    assert indexed(index, key)  # the write failed: the index still holds it
    # Never shown meanwhile, by any way in.
    assert page.url not in client.get(f"/en/search/?q={WORD}").content.decode()
    found = client.get(f"/api/v1/search/?q={WORD}&locale=en").json()["results"]
    assert page.pk not in [hit["id"] for hit in found if hit["type"] == "section"]
    waiting = IndexRetry.objects.count()  # with the neighbours whose documents changed
    assert client.get("/healthz").json()["search_index_retries"] == waiting
    client.force_login(editor)  # an administrator: told first on the dashboard
    dashboard = client.get("/admin/").content.decode()
    assert "Search index needs attention" in dashboard
    assert f"{waiting} changes could not be written to the search index yet" in dashboard
    client.logout()
    with pytest.raises(CommandError, match=f"{waiting} items still wait"):
        call_command("retry_search_index")  # still locked
    locker.close()
    call_command("retry_search_index")
    assert not indexed(index, key)
    assert not IndexRetry.objects.exists()
    assert client.get("/healthz").json()["search_index_retries"] == 0
    client.force_login(editor)
    assert "Search index needs attention" not in client.get("/admin/").content.decode()


def test_a_publish_that_failed_to_index_is_written_with_the_next_change(
    index, section, editor, committed
):
    page, other = section("A.5.2"), section("A.5.8")
    committed(page.unpublish)
    locker = locked(index)
    committed(lambda: page.save_revision(user=editor).publish())
    assert [h.key for h in search(WORD, "en", Filters()).page.hits] == []  # not yet findable
    locker.close()
    committed(lambda: other.save_revision(user=editor).publish())  # any later index write
    assert [h.key for h in search(WORD, "en", Filters()).page.hits][:1] == [f"section:{page.pk}"]
    assert not IndexRetry.objects.exists()


def unavailable(client) -> None:
    """Search, by every way in, says it is unavailable (with the helplines), never "0 results";
    /healthz is red."""
    page = client.get(f"/en/search/?q={WORD}")
    assert page.status_code == 503 and page["Retry-After"]
    text = page.content.decode()
    assert "Search is temporarily unavailable" in text and "results for" not in text
    assert 'class="safety-bar"' in text and 'href="tel:' in text  # the helplines
    for url in (f"/api/v1/search/?q={WORD}", f"/api/v1/search/suggest/?q={WORD[:4]}"):
        answer = client.get(url)
        assert answer.status_code == 503, url
        assert answer["Content-Type"] == "application/problem+json"
        assert answer["Retry-After"] and answer["Cache-Control"] == "no-store"
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["search_index"].startswith("unavailable")


def recovers(client) -> None:
    call_command("rebuild_search_index")
    assert client.get(f"/api/v1/search/?q={WORD}&locale=en").json()["results"]
    assert client.get("/healthz").status_code == 200


def test_a_query_that_says_danger_shows_the_emergency_numbers_when_search_is_down(index, client):
    index.unlink()
    page = client.get("/en/search/", {"q": "he is outside, he will kill me"})
    assert page.status_code == 503
    main = page.content.decode().split('id="main"', 1)[1]
    assert main.index('class="emergency-box"') < main.index("Search is temporarily unavailable")
    assert 'href="tel:112"' in main


def test_a_deleted_index_is_never_recreated_empty_and_workers_stop_reading_it(index, client):
    assert client.get(f"/en/search/?q={WORD}").status_code == 200  # opened, then deleted
    index.unlink()
    unavailable(client)
    assert not index.exists()  # searching did not make an empty one
    recovers(client)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b""), id="empty file"),
        pytest.param(lambda path: path.write_bytes(b"not a database " * 400), id="not a database"),
        pytest.param(
            lambda path: path.write_bytes(path.read_bytes()[:4096] + b"\xff" * 40960),
            id="corrupt pages",
        ),
    ],
)
def test_an_empty_or_corrupt_index_is_loud_and_a_rebuild_replaces_it(index, client, damage):
    get_engine().close()
    for suffix in ("-wal", "-shm"):
        index.with_name(index.name + suffix).unlink(missing_ok=True)
    damage(index)
    unavailable(client)
    recovers(client)


def test_an_index_emptied_of_a_language_is_unhealthy(index, client):
    with sqlite3.connect(index) as connection:
        connection.execute("DELETE FROM documents WHERE locale = 'nl'")
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["search_index"] == "unavailable: The search index holds nothing in nl."
