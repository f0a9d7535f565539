"""Service cards as a visitor reads them: can I call now, which number for what, where it is
(the street in the page's language), and names marked up in the language they are in."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

from knowledge.models import ServiceDirectoryPage
from services.models import Organisation, Service

pytestmark = pytest.mark.django_db


def directory(client, language):
    page = ServiceDirectoryPage.objects.get(locale__language_code=language)
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def card(soup, slug):
    return soup.select_one(f"#service-{slug}")


def text(element):
    return element.get_text(" ", strip=True)


def row(card_element, heading):
    for item in card_element.select(".govuk-summary-list__row"):
        if text(item.select_one("dt")) == heading:
            return item.select_one("dd")
    raise AssertionError(f"no row {heading!r}")


def test_the_card_says_when_the_state_changes(client, service):
    reception = service("caw-brussels-reception")
    before = str(reception.open_state())
    status = card(directory(client, "en"), "caw-brussels-reception").select_one(".service-status")
    after = str(reception.open_state())
    tag = text(status.select_one(".govuk-tag"))
    change = text(status.select_one(".service-status__change"))
    assert f"{tag} · {change}" in {before, after}
    assert change.startswith(("closes at ", "opens today at ", "opens "))


def test_by_appointment_is_said_of_the_service_not_of_its_phone_line(client):
    victim_support = card(directory(client, "en"), "caw-victim-support-brussels")
    assert text(victim_support.select_one(".service-status")) == "By appointment"
    phone = row(victim_support, "Telephone")
    assert text(phone) == "02 486 45 15"
    assert phone.select(".govuk-tag") == []


@pytest.mark.parametrize(
    ("language", "heading", "numbers"),
    [
        ("en", "Telephone", "0800 13 500 or 02 486 45 00"),
        ("fr", "Téléphone", "0800 13 500 ou 02 486 45 00"),
        ("nl", "Telefoon", "0800 13 500 of 02 486 45 00"),
    ],
)
def test_two_numbers_for_the_same_purpose_share_one_labelled_row(
    client, language, heading, numbers
):
    reception = card(directory(client, language), "caw-brussels-reception")
    headings = [text(dt) for dt in reception.select("dt")]
    assert headings.count(heading) == 1
    line = row(reception, heading)
    assert text(line) == numbers
    assert [a["href"] for a in line.select("a")] == ["tel:080013500", "tel:024864500"]


def test_each_helpline_is_labelled_with_what_it_is_for(client):
    soup = directory(client, "en")
    helpline = card(soup, "domestic-violence-helpline")
    assert text(row(helpline, "Domestic violence helpline")).startswith("0800 30 030")
    assert (
        text(
            row(
                card(soup, "emergency-112"),
                "Imminent danger: medical, police or fire-fighting assistance",
            )
        )
        == "112 24/7"
    )


@pytest.mark.parametrize(
    ("language", "chat_text"),
    [("en", "Chat online"), ("fr", "Chatter en ligne"), ("nl", "Online chatten")],
)
def test_chat_and_websites_are_labelled_links_not_raw_addresses(client, language, chat_text):
    reception = card(directory(client, language), "caw-brussels-reception")
    links = {a["href"]: a for a in reception.select(".service-channel a")}
    chat = links["https://caw.sittool.net/chat"]
    website = links["https://www.caw.be/contacteer-ons/"]
    assert (text(chat), text(website)) == (chat_text, "www.caw.be")
    assert chat["rel"] == website["rel"] == ["noreferrer", "noopener"]
    assert "https://" not in text(reception.select_one(".service-details"))


@pytest.mark.parametrize(
    ("language", "addresses"),
    [
        (
            "en",
            {
                "cpvcf": "Rue des Colonies / Koloniënstraat 11, 1000 Brussels",
                "caw-brussels-reception": "Boulevard d'Anvers / Antwerpselaan 34, 1000 Brussels",
                "caw-victim-support-brussels": "Rue du Poinçon / Priemstraat 19a, 1000 Brussels",
            },
        ),
        (
            "fr",
            {
                "cpvcf": "Rue des Colonies 11, 1000 Bruxelles",
                "caw-brussels-reception": "Boulevard d'Anvers 34, 1000 Bruxelles",
                "caw-victim-support-brussels": "Rue du Poinçon 19a, 1000 Bruxelles",
            },
        ),
        (
            "nl",
            {
                "cpvcf": "Koloniënstraat 11, 1000 Brussel",
                "caw-brussels-reception": "Antwerpselaan 34, 1000 Brussel",
                "caw-victim-support-brussels": "Priemstraat 19a, 1000 Brussel",
            },
        ),
    ],
)
def test_streets_are_named_in_the_pages_language(client, language, addresses):
    soup = directory(client, language)
    shown = {slug: text(card(soup, slug).select_one(".service-address dd")) for slug in addresses}
    assert shown == addresses


@pytest.mark.parametrize(("language", "name_lang"), [("en", None), ("fr", None), ("nl", "fr")])
def test_a_name_kept_in_another_language_is_marked_as_that_language(client, language, name_lang):
    cpvcf = card(directory(client, language), "cpvcf")
    name = cpvcf.select_one(".service-name")
    assert name.get("lang") == name_lang
    assert ("Centre de Prévention" in text(name)) == (language != "en")


def test_an_organisation_name_kept_in_french_on_a_dutch_page(db):
    cpvcf = Organisation.objects.get(slug="cpvcf", locale__language_code="nl")
    caw = Organisation.objects.get(slug="caw-brussel", locale__language_code="nl")
    assert (cpvcf.name_lang, caw.name_lang) == ("fr", "nl")


def test_opening_hours_are_written_as_the_language_writes_times(client):
    hours = card(directory(client, "fr"), "caw-brussels-reception").select_one(".hours")
    assert (
        text(hours)
        == "du lundi au vendredi: 9\xa0h\xa000–12\xa0h\xa030, 13\xa0h\xa000–17\xa0h\xa000"
    )


def test_the_printable_sheet_can_turn_the_live_state_off(db):
    def render(slug, **context):
        service = Service.objects.get(slug=slug, locale__language_code="en")
        with translation.override("en"):
            html = render_to_string(
                "services/service_card.html", {"service": service, "display": "contact", **context}
            )
        status = BeautifulSoup(html, "html.parser").select_one(".service-status")
        return status and text(status)

    assert render("cpvcf").startswith(("Open now", "Closed now"))
    assert render("cpvcf", show_open_state=False) is None
    assert render("caw-victim-support-brussels", show_open_state=False) == "By appointment"
    assert render("emergency-112", show_open_state=False) == "Open 24/7"
