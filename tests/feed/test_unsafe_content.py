"""Rich text and addresses written past the admin (an import, a script, a raw database write) are
cleaned on output: the site's pages and the partner feed carry no script, no event handler and
no javascript: or data: link, and the harmless text is still there (core/sanitise.py)."""

import json

import pytest
from bs4 import BeautifulSoup

from changes.reconcile import reconcile
from knowledge.models import ServiceDirectoryPage
from services.models import ContactChannel, Organisation, Service

API = "/api/v1"
MARK = "pwned"  # only in what must go; the harmless text says "kept"

UNSAFE_HTML = (
    '<p data-block-key="a1">Text kept <b>bold kept</b><script>alert("pwned")</script>'
    "<img src=x onerror=\"alert('pwned')\"> <a href=\"javascript:alert('pwned')\">js link kept</a>"
    " <a href=\"data:text/html,<script>alert('pwned')</script>\">data link kept</a>"
    '<iframe src="https://pwned.example/"></iframe>'
    '<span style="background:url(pwned)" onclick="pwned()">styled kept</span>'
    ' <a href="https://www.example.org/" onmouseover="pwned()">web link kept</a></p>'
)


def raw_body():
    return [
        {"type": "paragraph", "value": UNSAFE_HTML, "id": "8a3c1d2e-0000-4000-8000-000000000001"},
        {
            "type": "callout",
            "value": {"title": "Callout kept", "text": UNSAFE_HTML},
            "id": "8a3c1d2e-0000-4000-8000-000000000002",
        },
        {
            "type": "citation",
            "value": {"url": "javascript:alert('pwned')", "title": "Citation kept"},
            "id": "8a3c1d2e-0000-4000-8000-000000000003",
        },
        {
            "type": "further_information",
            "value": {"url": "data:text/html,pwned", "publisher": "", "title": "Reading kept"},
            "id": "8a3c1d2e-0000-4000-8000-000000000004",
        },
    ]


def assert_inert(html: str) -> None:
    """No trace of the attack in `html`, no executable construct, and the text still there."""
    assert MARK not in html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["iframe", "img", "object", "embed"])
    assert not [s for s in soup.find_all("script") if not s.get("src")]  # no inline script
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        assert "style" not in tag.attrs, tag
        for attribute in ("href", "src", "action"):
            value = (tag.get(attribute) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), tag
    for a in soup.select("a[href^='http']"):
        assert "noreferrer" in a["rel"], a
    for text in ("Text kept", "bold kept", "js link kept", "data link kept", "styled kept"):
        assert text in soup.get_text(), text


@pytest.mark.django_db
def test_unsafe_rich_text_and_urls_in_a_section_render_inert(client, section):
    page = section("A.3")
    # A queryset update writes straight to the table: no save(), no signal, so the change log's
    # count does not move and the feed's stored documents are rebuilt by force, as
    # `manage.py rebuild_feed_documents` would.
    type(page).objects.filter(pk=page.pk).update(body=raw_body())
    page.refresh_from_db()
    assert page.body.raw_data[0]["value"] == UNSAFE_HTML  # stored as written
    reconcile(force=True)

    response = client.get(page.url)
    assert response.status_code == 200
    main = str(BeautifulSoup(response.content, "html.parser").find("main"))
    assert_inert(main)
    assert "Citation kept" in main and "Reading kept" in main  # as text, without a link
    assert "Callout kept" in main

    data = client.get(f"{API}/sections/{page.pk}/").json()["data"]
    body = {block["type"]: block["value"] for block in data["body"]}
    assert_inert(body["paragraph"]["html"])
    assert_inert(body["callout"]["html"])
    assert body["citation"] == {"url": None, "title": "Citation kept"}
    assert body["further_information"]["url"] is None
    assert MARK not in json.dumps(data)


@pytest.mark.django_db
def test_unsafe_offers_and_addresses_of_a_service_render_inert(client, service):
    record = service("cpvcf")
    Service.objects.filter(translation_key=record.translation_key).update(offers=UNSAFE_HTML)
    Organisation.objects.filter(pk=record.organisation_id).update(
        website="javascript:alert('pwned')"
    )
    channel = record.channels.filter(kind=ContactChannel.Kind.WEB).first()
    ContactChannel.objects.filter(translation_key=channel.translation_key).update(
        value="javascript:alert('pwned')//"
    )
    reconcile(force=True)  # raw writes, as above: no signal counted them

    directory = ServiceDirectoryPage.objects.get(locale__language_code="en")
    response = client.get(directory.url)
    assert response.status_code == 200
    card = BeautifulSoup(response.content, "html.parser").find(id="service-cpvcf")
    # The channel's value is shown as text (the attack is in it), never as a link.
    assert not card.find("a", string=lambda s: s and MARK in s)
    assert all(MARK not in a.get("href", "") for a in card.find_all("a"))
    assert_inert(str(card.find(class_="service-offers")))

    data = client.get(f"{API}/services/{record.pk}/").json()["data"]
    assert_inert(data["offers_html"])
    assert data["organisation"]["website"] == ""
    web = next(c for c in data["channels"] if c["kind"] == "web")
    assert web["href"] is None

    hsds = client.get("/api/hsds/organizations", {"locale": "en", "per_page": 100})
    assert hsds.status_code == 200
    assert MARK not in hsds.content.decode()
