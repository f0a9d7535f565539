"""The public results page: works without JavaScript, in the visitor's language, sets no cookie,
keeps the quick exit and emergency numbers, and shows bad input as a message, never a 500."""

import logging

import pytest
from bs4 import BeautifulSoup, Tag
from wagtail.models import Locale

from knowledge.models import FactSheetPage, ServiceDirectoryPage
from services.safety import around_the_clock, office_lines, safety_lines
from tests.paths import site_path

DANGER = {"en": "he will kill me", "fr": "il va me tuer", "nl": "hij gaat me vermoorden"}


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


def lines(language, which=safety_lines):
    return which(Locale.objects.get(language_code=language))


def first_in_main(page) -> Tag:
    return next(child for child in page.find("main").children if isinstance(child, Tag))


@pytest.mark.parametrize("language", DANGER)
def test_a_query_that_says_danger_shows_the_emergency_numbers_above_everything(
    client, engine, language
):
    page = soup(client.get(site_path("search", language), {"q": DANGER[language]}))
    box = first_in_main(page)
    assert "emergency-box" in box["class"]
    assert box.find_next(class_="search-result")  # the results follow it
    urgent = around_the_clock(lines(language))
    calls = {a["href"]: a.get_text(" ", strip=True) for a in box.select("a.emergency-call")}
    assert "tel:112" in calls and set(calls) == {line.href for line in urgent}
    for line in urgent:  # each says what it is for
        assert calls[line.href].startswith(line.value) and line.label in calls[line.href]
    # It takes the help strip's place: no number twice, the strip's other lines at the end.
    assert not page.select(".safety-bar")
    others = page.select_one(".other-helplines")
    assert {a["href"] for a in others.select("a")} == {
        line.href for line in lines(language) if line not in urgent
    }


def test_other_queries_keep_the_help_strip_and_show_no_box(client, engine):
    page = soup(client.get("/en/search/", {"q": "cycle of violence"}))
    assert not page.select(".emergency-box, .other-helplines")
    assert page.select_one(".safety-bar a.safety-call[href='tel:112']")


def test_a_danger_query_that_finds_nothing_still_shows_the_box(client, engine):
    page = soup(client.get("/fr/recherche/", {"q": "féminicide zqxwvkj"}))
    assert "emergency-box" in first_in_main(page)["class"]


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_a_search_that_finds_nothing_says_where_else_to_look_and_who_to_call(
    client, engine, language
):
    response = client.get(site_path("search", language), {"q": "zqxwvkj"})
    main = soup(response).find("main")
    assert "zqxwvkj" in main.find("h1").get_text() and not main.select(".search-result")
    locale = Locale.objects.get(language_code=language)
    ways = {a["href"] for a in main.select(".no-results li a")}
    sheets = FactSheetPage.objects.live().filter(locale=locale)
    directory = ServiceDirectoryPage.objects.live().get(locale=locale)
    assert {sheet.url for sheet in sheets} | {directory.url} <= ways
    for url in {sheet.url for sheet in sheets} | {directory.url}:
        assert client.get(url).status_code == 200
    text = main.get_text(" ", strip=True)
    for line in lines(language):  # every helpline, with what it is for
        assert main.select_one(f".help-lines a[href='{line.href}']"), line.value
        assert line.label in text
    for line in lines(language, office_lines):  # and the services a person answers at
        assert main.select_one(f".help-lines a[href='{line.href}']"), line.value
        assert line.service.name in text
    assert len(lines(language, office_lines)) >= 3


def test_when_the_helplines_answer_is_said(client, engine):
    main = soup(client.get("/en/search/", {"q": "zqxwvkj"})).find("main")
    helpline = main.select_one(".help-lines a[href='tel:080030030']").find_parent("li")
    assert "24 hours a day, 7 days a week" in helpline.get_text()
    assert "Check the spelling" in main.get_text() and "fewer words" in main.get_text()
    victim_support = main.find("a", string="CAW Victim Support Brussels (Slachtofferhulp)")
    assert "By appointment" in victim_support.find_parent("li").get_text()


def test_facets_are_offered_only_when_they_narrow_the_results(client, engine):
    single = soup(client.get("/en/search/", {"q": "loverboys"}))
    assert len(single.select(".search-result")) == 1 and not single.select(".search-facets")
    page = soup(client.get("/en/search/", {"q": "violence"}))
    facets = page.select_one("details.govuk-details.search-facets")
    assert facets and not facets.has_attr("open")  # collapsed until opened
    total = int(page.find("h1").get_text().split()[0])
    for group in facets.select("ul"):
        counts = [int(li.get_text().rsplit("(", 1)[1].rstrip(")")) for li in group.select("li")]
        assert len(counts) > 1 or counts[0] < total


def test_a_filter_on_is_shown_outside_the_collapsed_facets_and_can_be_taken_off(client, engine):
    page = soup(client.get("/en/search/", {"q": "violence", "type": "service"}))
    selected = page.select_one(".search-selected a")
    assert "Services" in selected.get_text()
    widened = soup(client.get("/en/search/" + selected["href"]))
    assert widened.select(".search-result--section") and not widened.select(".search-selected")


def test_the_results_page_has_one_search_box_holding_the_query(client, engine):
    page = soup(client.get("/en/search/", {"q": "interpreter"}))
    boxes = page.select("form[role=search]")
    assert len(boxes) == 1 and boxes[0].find("input")["value"] == "interpreter"
    assert boxes[0].find_parent("main")
