"""Public responses set no cookie, send no referrer and load nothing from another origin."""

import re
from pathlib import Path
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.paths import site_path

FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest"}
LOADING_ATTRIBUTES = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


def loaded_urls(html: str) -> list[str]:
    """Every URL the browser would fetch by itself while rendering the page."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for tag, attribute in LOADING_ATTRIBUTES.items():
        urls += [el[attribute] for el in soup.find_all(tag) if el.get(attribute)]
    urls += [
        el["href"] for el in soup.find_all("link", href=True) if FETCHED_LINK_RELS & set(el["rel"])
    ]
    urls += [el["srcset"] for el in soup.find_all(srcset=True)]
    urls += re.findall(
        r"url\(([^)]+)\)", " ".join(el.get("style", "") for el in soup.find_all(style=True))
    )
    return urls


def site_urls() -> list[str]:
    return [
        url
        for code in ("en", "fr", "nl")
        for url in (
            site_path("staying-safe", code),
            site_path("accessibility", code),
            site_path("search", code) + "?q=violence",
            site_path("search", code) + "?q=",
            f"/{code}/nope/",
        )
    ]


def test_public_pages_set_no_cookie_and_no_referrer(client, public_pages):
    urls = [page.url for page in public_pages] + site_urls()
    urls += [
        f"{page.url}print/"
        for page in public_pages
        if page.specific_class.__name__ == "FactSheetPage"
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if url.endswith("nope/") else 200), url
        assert not response.cookies, (url, response.cookies)
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert "microphone=()" in response["Permissions-Policy"]


def test_public_pages_load_only_from_this_origin(client, public_pages):
    for page in public_pages:
        html = client.get(page.url).content.decode()
        urls = loaded_urls(html)
        assert any(u.endswith(".css") for u in urls)
        for url in urls:
            assert not urlparse(url).netloc and not url.startswith("//"), (page.url, url)
        assert "<script>" not in html  # no inline script either


def test_stylesheet_imports_nothing_from_elsewhere():
    css = Path(finders.find("css/site.css")).read_text()
    assert "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


def test_external_links_in_content_leak_no_referrer(client, public_pages):
    for page in public_pages:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert soup.find("meta", attrs={"name": "referrer", "content": "no-referrer"})
        for link in soup.select("a[href^='http']"):
            assert "noreferrer" in (link.get("rel") or []), (page.url, link["href"])
