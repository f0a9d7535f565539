"""The whole sheet on paper: headings that never skip a level, a contents list, the day it was
printed and the day the sheet last changed, no open/closed state (stale on paper), and links
that show their address marked so that print styles do not print it a second time."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Page

from knowledge.models import FactSheetPage

LANGUAGES = ("en", "fr", "nl")


def printed(client, language):
    sheet = FactSheetPage.objects.live().get(locale__language_code=language)
    response = client.get(f"{sheet.url}print/")
    assert response.status_code == 200
    return sheet, BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_levels_never_skip(client, db, language):
    _, html = printed(client, language)
    levels = [int(h.name[1]) for h in html.body.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1
    skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skips, skips


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contents_list_links_to_each_section(client, db, language):
    sheet, html = printed(client, language)
    contents = html.select_one("nav.print-contents")
    headings = [s.find(["h2", "h3", "h4", "h5", "h6"]) for s in html.select(".print-section")]
    links = contents.select("a")
    assert [a["href"] for a in links] == [f"#{h['id']}" for h in headings]
    assert [a.get_text(" ", strip=True) for a in links] == [
        h.get_text(" ", strip=True) for h in headings
    ]
    assert len(links) == sheet.sections().count() == 31


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sheet_says_when_it_was_printed_and_when_it_last_changed(client, db, language):
    sheet, html = printed(client, language)
    changed = max(p.last_published_at for p in [sheet, *sheet.sections()])
    with translation.override(language):
        today = date_format(timezone.localdate(), "j F Y")
        last = date_format(timezone.localtime(changed), "j F Y")
        expected = [
            translation.gettext("Printed on %(printed_on)s.") % {"printed_on": today},
            translation.gettext("Last changed on %(date)s.") % {"date": last},
        ]
    assert html.select_one(".print-dates").get_text(" ", strip=True) == " ".join(expected)


def test_a_section_republished_moves_the_last_changed_date(client, sheet, section):
    long_ago = timezone.make_aware(datetime(2024, 3, 1, 12))
    Page.objects.filter(path__startswith=sheet.path).update(last_published_at=long_ago)
    _, html = printed(client, "en")
    assert "Last changed on 1 March 2024." in html.select_one(".print-dates").get_text()
    section("A.3").save_revision().publish()
    _, html = printed(client, "en")
    today = date_format(timezone.localdate(), "j F Y")
    assert f"Last changed on {today}." in html.select_one(".print-dates").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_paper_never_says_open_or_closed_now(client, helpline_with_hours, language):
    with translation.override(language):
        states = {translation.gettext("Open now"), translation.gettext("Closed now")}
    home = client.get(f"/{language}/").content.decode()
    assert any(state in home for state in states)  # on screen, the live state
    _, html = printed(client, language)
    text = html.get_text(" ")
    assert not any(state in text for state in states)
    assert not html.select(".open-state")


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_that_show_their_address_are_marked_to_print_it_once(client, db, language):
    _, html = printed(client, language)
    shown = [
        a
        for a in html.find("main").select("a[href^='http']")
        if a.get_text(strip=True) == a["href"]
    ]
    # the sources and further reading (a service's website shows its host name: its address
    # is printed after it)
    assert len(shown) >= 3
    assert all("shows-address" in a.get("class", []) for a in shown), shown
    labelled = html.find("main").select("a.shows-address")
    assert all(a.get_text(strip=True) == a["href"] for a in labelled)


def test_print_styles_print_an_address_once_and_no_exit_hint_or_open_state():
    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    ours = next(block for block in css.split("@media print{") if block.startswith(".quick-exit"))
    hidden_in_print = ours.split("{display:none", 1)[0]
    assert ".exit-hint" in hidden_in_print and ".open-state" in hidden_in_print
    assert "a.shows-address[href]::after" in ours.split("{content:none}", 1)[0]
