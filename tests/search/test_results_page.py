"""The public results page: works without JavaScript, in the visitor's language, sets no cookie,
keeps the quick exit and emergency numbers, and shows bad input as a message, never a 500."""

import logging

import pytest
from bs4 import BeautifulSoup

from tests.paths import site_path


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_every_public_page_has_a_search_box_for_its_language(client, engine, public_pages):
    for page in public_pages[:5]:
        form = soup(client.get(page.url)).find("form", role="search")
        language = page.locale.language_code
        assert form["action"] == site_path("search", language) and form["method"] == "get"
        assert form.find("input", attrs={"name": "q"})


def test_results_page_lists_sections_and_services_with_marked_excerpts(client, engine):
    response = client.get("/fr/recherche/", {"q": "numéro d'urgence"})
    assert response.status_code == 200
    page = soup(response)
    titles = [h.get_text(" ", strip=True) for h in page.select(".search-result h2")]
    assert any("B.2.4" in t for t in titles)
    assert page.select(".search-result--service")
    assert page.select(".search-result-excerpt mark")
    assert page.find("html")["lang"] == "fr"
    assert page.select_one("a.quick-exit") and page.select(".safety-line a[href^='tel:']")


def test_results_page_sets_no_cookie_and_is_not_cached_or_indexed(client, engine):
    response = client.get("/en/search/", {"q": "violence"})
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert not soup(response).find_all("script", src=lambda s: s and "//" in s)


def test_facet_links_narrow_the_results_and_can_be_removed(client, engine):
    page = soup(client.get("/en/search/", {"q": "violence"}))
    services = next(a for a in page.select(".search-facets a") if a.get_text() == "Services")
    narrowed = soup(client.get("/en/search/" + services["href"]))
    assert {li["class"][1] for li in narrowed.select(".search-result")} == {
        "search-result--service"
    }
    active = narrowed.select_one(".search-facets a[aria-current]")
    widened = soup(client.get("/en/search/" + active["href"]))
    assert widened.select(".search-result--section")


def test_did_you_mean_links_to_the_corrected_search(client, engine, dictionaries):
    link = soup(client.get("/en/search/", {"q": "dissability"})).select_one(".did-you-mean a")
    assert link.get_text() == "disability" and link["href"] == "?q=disability"


def test_language_switcher_keeps_the_search(client, engine):
    page = soup(client.get("/en/search/", {"q": "112"}))
    links = {a["hreflang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links == {"fr": "/fr/recherche/?q=112", "nl": "/nl/zoeken/?q=112"}


def test_paging_through_results(client, engine):
    first = soup(client.get("/en/search/", {"q": "violence"}))
    following = first.select_one(".pagination a[rel=next]")
    second = soup(client.get("/en/search/" + following["href"].replace("&amp;", "&")))
    assert second.select(".search-result") and second.select_one(".pagination a[rel=prev]")
    titles = lambda s: {h.get_text() for h in s.select(".search-result h2")}  # noqa: E731
    assert not titles(first) & titles(second)


@pytest.mark.parametrize(
    "q, status, message",
    [
        ("", 200, None),
        ("?!", 200, "Type one or more words"),
        ("x" * 201, 400, "at most 200"),
        ("viol\x00ence", 400, "Null characters are not allowed"),
    ],
)
def test_bad_input_is_explained_on_the_page(client, engine, q, status, message):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == status
    if message:
        assert message in soup(response).find("main").get_text()


def test_bad_filters_are_a_400_page(client, engine):
    response = client.get("/en/search/", {"q": "violence", "type": "page", "page": "x"})
    assert response.status_code == 400
    assert soup(response).select_one("[role=alert]")


def test_the_development_server_logs_no_query_strings():
    """The handler that writes runserver's request lines drops what was searched for."""
    logger = logging.getLogger("django.server")
    record = logger.makeRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s',
        ("GET /fr/recherche/?q=il+me+frappe HTTP/1.1", "200", "123"), None,
    )  # fmt: skip
    handler = logger.handlers[0]
    assert handler.filter(record)
    assert record.getMessage() == '"GET /fr/recherche/ HTTP/1.1" 200 123'
