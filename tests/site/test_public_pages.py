"""Public pages: every page answers, navigation works, drafts and unpublished pages stay hidden."""

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction, ReferenceIndex

from knowledge.models import FactSheetPage, SectionPage, ServiceDirectoryPage


def test_every_published_page_answers_with_its_title(read, public_pages):
    kinds = {type(p) for p in public_pages}
    assert {FactSheetPage, SectionPage, ServiceDirectoryPage} <= kinds
    for page in public_pages:
        response, text = read(page)
        assert response.status_code == 200, page.url
        assert " ".join(page.title.split()) in text, page.url  # as page_text folds spaces


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nl-BE,nl;q=0.9,en;q=0.5", "/nl/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,de;q=0.9,fr;q=0.4", "/fr/"),
        ("ar,tr;q=0.8", "/fr/"),  # nothing we have: French, Brussels' majority language
        (None, "/fr/"),
        ("x" * 2000, "/fr/"),
    ],
)
def test_root_sends_visitors_to_the_language_their_browser_asks_for(
    client, db, accept_language, expected
):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies


def test_unpublished_pages_answer_404(client, section):
    page = section("A.5.3.1")
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
    # and it no longer appears in the contents, the pager or the parent's list
    for neighbour in ("A.5.3", "A.5.3.2"):
        assert url not in client.get(section(neighbour).url).content.decode()


def test_private_pages_are_not_shown_to_anonymous_visitors(client, section):
    page = section("B.3")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "admin" in response["Location"]


def test_draft_changes_are_not_public(client, section):
    page = section("A.1")
    page.title = "Draft title nobody approved"
    page.save_revision()
    assert "Draft title nobody approved" not in client.get(page.url).content.decode()


def test_section_has_breadcrumbs_and_previous_next_in_reading_order(client, section):
    soup = BeautifulSoup(client.get(section("A.5.3.1").url).content, "html.parser")
    crumbs = [a.get_text(" ", strip=True) for a in soup.select(".breadcrumbs a")]
    assert crumbs[-3:] == [
        "A Recognising violence between (ex-)partners",
        "A.5 Identification and specific features",
        "A.5.3 Residence and migration status",
    ]
    assert "A.5.3 Residence" in soup.select_one('a[rel="prev"]').get_text()
    assert "A.5.3.2 Application" in soup.select_one('a[rel="next"]').get_text()


def test_pager_crosses_parts_and_stops_at_the_ends(client, section):
    soup = BeautifulSoup(client.get(section("A.5.8").url).content, "html.parser")
    assert soup.select_one('a[rel="next"]')["href"] == section("B").url
    assert not BeautifulSoup(client.get(section("A").url).content, "html.parser").select(
        'a[rel="prev"]'
    )
    assert not BeautifulSoup(client.get(section("B.3").url).content, "html.parser").select(
        'a[rel="next"]'
    )


def test_fact_sheet_page_lists_every_section_in_its_contents(client, sheet):
    soup = BeautifulSoup(client.get(sheet.url).content, "html.parser")
    numbers = [a.select_one(".number").get_text() for a in soup.select(".toc-list a")]
    assert numbers == [s.number for s in sheet.sections()]
    assert "IMPORTANT".lower() in soup.select_one(".callout").get_text().lower()


def test_a_phone_number_changed_once_shows_on_every_page_that_references_the_service(
    client, service
):
    editor = get_user_model().objects.create_user("editor", password="x" * 12)
    cpvcf = service("cpvcf")
    referencing = {ref.object_id for ref in ReferenceIndex.get_references_to(cpvcf)}
    pages = list(SectionPage.objects.filter(pk__in=referencing))
    assert {p.number for p in pages} == {"B.2.1", "B.3"}

    phone = cpvcf.channels.get(kind="phone")
    phone.value = "02 999 99 99"
    cpvcf.channels = [phone, *cpvcf.channels.exclude(pk=phone.pk)]
    cpvcf.save_revision(user=editor).publish()

    directory = ServiceDirectoryPage.objects.get(locale__language_code="en")
    for page in [*pages, directory]:
        html = client.get(page.url).content.decode()
        assert "02 999 99 99" in html and "tel:029999999" in html, page.url
        assert "02 539 27 44" not in html, page.url


def test_a_draft_or_unpublished_service_is_never_shown(client, service, section):
    editor = get_user_model().objects.create_user("editor", password="x" * 12)
    helpline = service("domestic-violence-helpline")
    helpline.description = "Unreviewed draft text"
    helpline.save_revision(user=editor)  # saved, not published
    html = client.get(section("B.2.3").url).content.decode()
    assert "Unreviewed draft text" not in html
    assert "0800 30 030" in html

    helpline.unpublish()
    for url in (
        section("B.2.3").url,
        ServiceDirectoryPage.objects.get(locale__language_code="en").url,
        "/en/",
    ):
        assert "0800 30 030" not in client.get(url).content.decode(), url


def test_service_directory_lists_every_published_service_with_its_contacts(read, service):
    response, text = read(ServiceDirectoryPage.objects.get(locale__language_code="en"))
    for slug in (
        "cpvcf",
        "caw-brussels-reception",
        "caw-victim-support-brussels",
        "domestic-violence-helpline",
        "helpline-1712",
        "emergency-112",
    ):
        record = service(slug)
        assert record.name in text
        for channel in record.channels.all():  # web and chat as link text, not the address
            assert channel.link_text in text
            assert f'href="{channel.href}"' in response.content.decode()


@pytest.mark.parametrize("url_kind", ["home", "sheet", "section", "directory"])
def test_every_public_page_has_quick_exit_first_and_the_emergency_numbers(client, url_kind, sheet):
    url = {
        "home": "/en/",
        "sheet": sheet.url,
        "section": sheet.sections().last().url,
        "directory": ServiceDirectoryPage.objects.get(locale__language_code="en").url,
    }[url_kind]
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    first_link = soup.body.find("a")
    assert "quick-exit" in first_link["class"]
    assert urlparse(first_link["href"]).netloc  # leaves for a neutral site, even without JS
    assert "noreferrer" in first_link["rel"]
    links = soup.select(".safety-bar a[href^='tel:']")
    numbers = {(a.select_one(".safety-call__number") or a).get_text(strip=True) for a in links}
    assert {"112", "0800 30 030", "1712"} <= numbers
