"""The public site's safety pages, strict security headers and the printable sheet."""

import pytest
from bs4 import BeautifulSoup

from tests.paths import site_path

LANGUAGES = ("en", "fr", "nl")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["staying-safe", "accessibility"])
def test_safety_and_accessibility_pages_exist_in_each_language(client, db, language, page):
    response = client.get(site_path(page, language))
    assert response.status_code == 200
    html = soup(response)
    assert html.find("html")["lang"] == language
    assert html.select_one("a.quick-exit") and html.select(".safety-line a[href^='tel:']")
    links = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert links == {code: site_path(page, code) for code in LANGUAGES if code != language}


def test_staying_safe_says_honestly_what_the_quick_exit_does_not_do(client, db):
    text = soup(client.get("/en/staying-safe/")).find("main").get_text(" ")
    assert "does not erase your browsing history" in text
    assert "private window" in text and "112" in text


def test_every_page_links_to_the_safety_and_accessibility_pages(client, public_pages):
    for page in public_pages[:6]:
        language = page.locale.language_code
        footer = soup(client.get(page.url)).find("footer")
        hrefs = {a["href"] for a in footer.find_all("a")}
        assert {site_path("staying-safe", language), site_path("accessibility", language)} <= hrefs


@pytest.mark.parametrize("url", ["/en/", "/fr/accessibilite/", "/nl/zoeken/?q=geweld", "/404/"])
def test_public_responses_carry_a_strict_csp_and_a_permissions_policy(client, db, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_templates_hold_no_inline_script_or_style(client, public_pages):
    for page in public_pages:
        html = soup(client.get(page.url))
        assert all(script.get("src") for script in html.find_all("script"))
        assert not html.find_all(style=True) and not html.find_all("style")


def test_the_admin_keeps_its_own_scripts(client, db):
    assert "Content-Security-Policy" not in client.get("/admin/login/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_sheet_prints_on_one_page_in_each_language(client, sheet, language, section):
    from wagtail.models import Locale

    local_sheet = sheet.get_translation(Locale.objects.get(language_code=language))
    page = soup(client.get(local_sheet.url))
    link = page.select_one(".print-link a")
    response = client.get(link["href"])
    assert response.status_code == 200
    headings = [
        (h.name, h.select_one(".number").get_text())
        for h in soup(response).select(".print-section > :first-child")
    ]
    numbers = [number for _, number in headings]
    assert numbers[:3] == ["A", "A.1", "A.2"] and numbers[-1] == "B.3"
    assert len(numbers) == len(set(numbers)) == 31
    levels = {number: name for name, number in headings}
    assert (levels["A"], levels["A.5"], levels["A.5.3"], levels["A.5.3.1"]) == (
        "h2", "h3", "h4", "h5",
    )  # fmt: skip
    text = soup(response).find("main").get_text(" ")
    assert section("B.2.1").get_translation(local_sheet.locale).title in text


def test_print_styles_hide_navigation_and_keep_the_emergency_numbers():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    ours = next(block for block in css.split("@media print{") if block.startswith(".quick-exit"))
    hidden_in_print = ours.split("{display:none", 1)[0]
    assert ".quick-exit" in hidden_in_print and ".search-form" in hidden_in_print
    assert ".safety-bar" not in hidden_in_print


def test_a_helpline_with_opening_hours_says_whether_it_is_open_now(client, helpline_with_hours):
    line = next(
        li for li in soup(client.get("/en/")).select(".safety-line") if "1712" in li.get_text()
    )
    assert {"Open now", "Closed now"} & {
        note.get_text(" ", strip=True).strip("· ") for note in line.select(".safety-line__note")
    }
