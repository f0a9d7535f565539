"""One language negotiation for the site's root and the feed."""

import pytest

from core.languages import content_languages, preferred_language


def test_the_languages_come_from_the_settings(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]
    assert content_languages() == ["en", "fr"]
    assert preferred_language("nl,fr;q=0.5") == "fr"


@pytest.mark.parametrize(
    "header, language",
    [
        ("nl-BE,nl;q=0.9,en;q=0.8", "nl"),
        ("de-DE,fr-BE;q=0.7,en;q=0.9", "en"),  # weights, not order, decide
        ("FR", "fr"),
        ("de,es", None),
        ("", None),
        ("*", None),
        ("de," * 200 + "fr", None),  # past the first 500 characters nothing is read
    ],
)
def test_the_browsers_preferred_content_language(header, language):
    assert preferred_language(header) == language


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header, site, feed", [("nl-BE,nl;q=0.9", "/nl/", "nl"), ("de", "/fr/", "en")]
)
def test_the_site_root_and_the_feed_choose_alike(client, header, site, feed):
    """Both follow the browser; with none of our languages the site shows French (Brussels'
    majority) and the feed its source language."""
    root = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert root.status_code == 302 and root["Location"] == site
    assert root["Vary"] == "Accept-Language"
    listing = client.get("/api/v1/sections/", HTTP_ACCEPT_LANGUAGE=header).json()
    assert {item["locale"] for item in listing["results"]} == {feed}
