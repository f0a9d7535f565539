"""Every page in every language: a path in its own language, `hreflang` alternates (and an
x-default) to the same page in the other languages, a switcher that leads there, and the former
English paths of the site's own pages under /fr/ and /nl/ moved for good."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from knowledge.models import FactSheetPage, HomePage, SectionPage, ServiceDirectoryPage
from tests.paths import site_path

LANGUAGES = ("en", "fr", "nl")
PAGE_TYPES = (
    "home",
    "fact sheet",
    "section",
    "directory",
    "printable sheet",
    "search",
    "staying safe",
    "accessibility",
)


def wagtail_page(model, language, **filters) -> Page:
    return model.objects.live().get(locale__language_code=language, **filters)


def url_of(page_type: str, language: str) -> str:
    sheet = wagtail_page(FactSheetPage, language)
    return {
        "home": lambda: wagtail_page(HomePage, language).url,
        "fact sheet": lambda: sheet.url,
        "section": lambda: wagtail_page(SectionPage, language, number="A.3").url,
        "directory": lambda: wagtail_page(ServiceDirectoryPage, language).url,
        "printable sheet": lambda: f"{sheet.url}print/",
        "search": lambda: site_path("search", language) + "?q=112",
        "staying safe": lambda: site_path("staying-safe", language),
        "accessibility": lambda: site_path("accessibility", language),
    }[page_type]()


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def alternates(response) -> dict[str, str]:
    """hreflang → path and query of each <link rel="alternate"> in the head."""
    html = BeautifulSoup(response.content, "html.parser")
    links = html.head.select("link[rel=alternate][hreflang]")
    assert all(link["href"].startswith("http://testserver/") for link in links)  # absolute
    return {link["hreflang"]: local(link["href"]) for link in links}


def switcher(response) -> dict[str, str]:
    html = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_each_page_has_alternates_to_itself_in_every_language(client, db, page_type, language):
    url = url_of(page_type, language)
    response = client.get(url)
    assert response.status_code == 200, url
    found = alternates(response)
    assert set(found) == {*LANGUAGES, "x-default"}
    assert found[language] == url
    assert found["x-default"] == found["fr"]  # where "/" sends a browser with no match
    assert switcher(response) == {code: found[code] for code in LANGUAGES if code != language}
    for code in LANGUAGES:
        other = client.get(found[code])
        assert other.status_code == 200, found[code]
        assert BeautifulSoup(other.content, "html.parser").html["lang"] == code
        assert alternates(other) == found  # the same page: its alternates are these
        assert found[code] == url_of(page_type, code)


@pytest.mark.parametrize("language", ("fr", "nl"))
def test_every_page_has_a_path_in_its_own_language(db, language):
    # Words that are spelt alike in English and in that language.
    alike = {
        "fr": {"a-1-definition", "a-4-consequences", "a-5-1-lgbtqia", "services"},
        "nl": {"a-5-1-lgbtqia"},
    }
    english = {p.translation_key: p.slug for p in Page.objects.filter(locale__language_code="en")}
    pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    assert pages.count() > 30
    for page in pages:
        assert page.slug != english[page.translation_key] or page.slug in alike[language], page
    for name in ("search", "staying-safe", "accessibility"):
        assert site_path(name, language) != site_path(name, "en").replace("/en/", f"/{language}/")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/fr/staying-safe/", "/fr/rester-en-securite/"),
        ("/fr/accessibility/", "/fr/accessibilite/"),
        ("/fr/search/?q=violence", "/fr/recherche/?q=violence"),
        ("/nl/staying-safe/", "/nl/veilig-online/"),
        ("/nl/accessibility/", "/nl/toegankelijkheid/"),
        ("/nl/search/?q=geweld", "/nl/zoeken/?q=geweld"),
    ],
)
def test_former_english_paths_move_permanently_to_the_translated_ones(client, db, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200


def test_english_paths_stay_where_they_are(client, db):
    for name in ("search", "staying-safe", "accessibility"):
        assert client.get(f"/en/{name}/").status_code == 200


def test_an_error_page_offers_each_languages_home_without_alternates(client, db):
    response = client.get("/nl/no-such-page/")
    assert response.status_code == 404
    assert not alternates(response)
    assert switcher(response) == {"en": "/en/", "fr": "/fr/"}
