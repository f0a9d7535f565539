"""The Atom feed is built once per state of the content and kept in the cache: an unchanged feed
costs a few queries whatever its length, a 304 needs no rebuild, and any change to what is public
(or to what the links or the author say) is served at the next request."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

import feed.atom

URL = "/api/v1/changes/en.atom"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 12)


def counted(client, path=URL, **headers):
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code in (200, 304)
    return response, len(queries)


def test_a_warm_feed_costs_a_few_queries_whatever_its_length(client, db, monkeypatch):
    """Cold, the feed is built (16 queries for 5 entries, 17 for English's 37 here); warm, it
    costs the same three queries whatever its length."""
    costs = {}
    for limit in (5, 50):
        monkeypatch.setattr(feed.atom, "LIMIT", limit)
        cache.clear()
        cold, cold_queries = counted(client)
        warm, warm_queries = counted(client)
        assert warm.content == cold.content and warm["ETag"] == cold["ETag"]
        assert warm["Last-Modified"] == cold["Last-Modified"]
        assert warm["Cache-Control"] == "public, no-cache"
        costs[limit] = cold.content.count(b"<entry>"), cold_queries, warm_queries
    (entries_5, cold_5, warm_5), (entries_50, cold_50, warm_50) = costs[5], costs[50]
    assert entries_5 == 5 < entries_50
    assert warm_5 == warm_50 <= 3 < cold_5 <= cold_50


def test_a_304_needs_no_rebuild(client, db, monkeypatch):
    cache.clear()
    first, _ = counted(client)

    def fail(*args, **kwargs):
        raise AssertionError("the feed was rebuilt")

    monkeypatch.setattr(feed.atom, "build_feed", fail)
    by_etag, queries = counted(client, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"] and queries <= 3
    by_date, _ = counted(client, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    assert counted(client)[0].content == first.content


def test_an_unpublished_section_leaves_a_warm_feed_at_the_next_request(client, section, editor):
    page = section("A.5.8")
    page.summary = "A summary polled from the cache."
    page.save_revision(user=editor).publish()
    assert page.summary in client.get(URL).content.decode()
    assert page.summary in counted(client)[0].content.decode()  # from the cache
    page.unpublish()
    body = client.get(URL).content.decode()
    assert page.summary not in body and page.title not in body
    assert "Removed: A.5.8" in body


def test_a_section_made_private_leaves_a_warm_feed_at_the_next_request(client, section, editor):
    page = section("A.4.3")
    page.summary = "A summary that is about to become private."
    page.save_revision(user=editor).publish()
    client.get(URL)
    assert page.summary in client.get(URL).content.decode()
    PageViewRestriction.objects.create(page=section("A.4"), restriction_type="login")
    assert page.summary not in client.get(URL).content.decode()


def test_a_write_that_logs_no_change_still_moves_the_key(client, db):
    """The site's name is the feed's author (without an attribution setting) but in no public
    document: renaming the site logs nothing, and only the write count tells the cache."""
    client.get(URL)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Renamed site, shown as the feed's author"
    site.save()
    assert site.site_name in client.get(URL).content.decode()


def test_links_follow_the_host_and_scheme_of_each_request(client, db):
    plain = client.get(URL).content.decode()
    other_host = client.get(URL, HTTP_HOST="localhost").content.decode()
    secure = client.get(URL, secure=True).content.decode()
    assert "http://testserver/" in plain and "localhost" not in plain
    assert "http://localhost/" in other_host and "testserver" not in other_host
    assert "https://testserver/" in secure and "http://testserver/" not in secure
