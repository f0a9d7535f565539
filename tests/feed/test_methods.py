"""Every feed route answers every method it allows, and browsers on partners' sites can
revalidate: OPTIONS and HEAD never fail, CORS lets conditional requests through."""

import pytest
from django.test import Client

from feed.hsds.documents.taxonomy import TAXONOMY_ID, term_id
from feed.hsds.ids import organisation_id, service_at_location_id, service_id
from knowledge.models import SectionPage
from services.models import Service
from services.visibility import visible_services

PARTNER = "https://partner.example"


@pytest.fixture
def feed_urls(db) -> list[str]:
    section = SectionPage.objects.live().filter(locale__language_code="en").first()
    service = visible_services(Service.objects.filter(locale__language_code="en")).first()
    located = visible_services(Service.objects.all()).get(locale__language_code="en", slug="cpvcf")
    return [
        "/api/v1/",
        "/api/v1/sections/",
        f"/api/v1/sections/{section.pk}/",
        "/api/v1/services/",
        f"/api/v1/services/{service.pk}/",
        "/api/v1/search/?q=help",
        "/api/v1/search/suggest/?q=hel",
        "/api/v1/changes/",
        "/api/v1/changes/en.atom",
        "/api/v1/schema/",
        "/api/hsds/",
        "/api/hsds/services",
        f"/api/hsds/services/{service_id(located)}",
        "/api/hsds/service_at_locations",
        f"/api/hsds/service_at_locations/{service_at_location_id(service_id(located))}",
        "/api/hsds/organizations",
        f"/api/hsds/organizations/{organisation_id(located.organisation)}",
        "/api/hsds/taxonomies",
        f"/api/hsds/taxonomies/{TAXONOMY_ID}",
        "/api/hsds/taxonomy_terms",
        f"/api/hsds/taxonomy_terms/{term_id(located.kind)}",
    ]


def test_options_and_head_answer_on_every_route(client, feed_urls):
    for url in feed_urls:
        get = client.get(url)
        assert get.status_code == 200, url
        options = client.options(url)
        assert options.status_code == 200, (url, options.content[:300])
        assert {"GET", "HEAD"} <= {m.strip() for m in options["Allow"].split(",")}, url
        head = client.head(url)
        assert head.status_code == 200 and head.content == b"", url


def test_a_partners_browser_may_revalidate_and_read_the_validators(client, feed_urls):
    preflight = client.options(
        "/api/v1/sections/",
        HTTP_ORIGIN=PARTNER,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    assert preflight.status_code == 200
    allowed = {h.strip() for h in preflight["Access-Control-Allow-Headers"].split(",")}
    assert {"if-none-match", "if-modified-since"} <= allowed

    first = client.get("/api/v1/sections/", HTTP_ORIGIN=PARTNER)
    exposed = {h.strip().lower() for h in first["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "content-language"} <= exposed
    again = client.get("/api/v1/sections/", HTTP_ORIGIN=PARTNER, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_methods_that_write_are_refused(feed_urls):
    client = Client(enforce_csrf_checks=True)  # as a real client is: no CSRF 403 comes first
    for url in feed_urls:
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(url)
            assert response.status_code == 405, (url, method.__name__, response.status_code)
            assert {"GET", "HEAD"} <= {m.strip() for m in response["Allow"].split(",")}, url


@pytest.mark.parametrize(
    "url, status",
    [
        ("/api/v1/sections/999999/", 404),
        ("/api/v1/sections/?page=0", 400),
        ("/api/hsds/services/00000000-0000-0000-0000-000000000000", 404),
    ],
)
def test_shared_caches_keep_a_problem_a_few_seconds_only(client, db, url, status):
    """A proxy that kept a 404 or 410 for minutes would hide an item that came back."""
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "public, max-age=5"


def test_a_removed_item_answers_410_that_caches_keep_a_few_seconds(client, section_pk_unpublished):
    response = client.get(f"/api/v1/sections/{section_pk_unpublished}/")
    assert response.status_code == 410
    assert response["Cache-Control"] == "public, max-age=5"


def test_the_change_log_is_revalidated_every_time(client, db):
    first = client.get("/api/v1/changes/")
    assert first["Cache-Control"] == "public, no-cache" and first["ETag"]
    assert client.get("/api/v1/changes/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.fixture
def section_pk_unpublished(db):
    section = SectionPage.objects.live().get(number="B.3", locale__language_code="en")
    section.unpublish()
    return section.pk


def test_the_feed_root_lists_what_it_offers(client, db):
    root = client.get("/api/v1/", HTTP_HOST="testserver").json()
    assert root["version"] == "1"
    for name, url in {**root["endpoints"], "schema": root["schema"], "hsds": root["hsds"]}.items():
        query = {"q": "help"} if name == "search" else {}
        assert client.get(url, query).status_code == 200, name
    assert sorted(root["atom"]) == ["en", "fr", "nl"]


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/", "/api/v2/sections/"])
def test_unknown_feed_paths_are_problems_not_pages(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "No feed endpoint has this path; /api/v1/ lists them."


def test_the_site_keeps_its_own_404_page_and_the_feed_its_slash_redirects(client, db):
    page = client.get("/en/no-such-page/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
    assert client.get("/api/v1/sections").status_code == 301
