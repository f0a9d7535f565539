"""The Atom feed of changes: RFC 4287 and the W3C validator's rules, one entry per item in its
latest state, removed items as tombstones, nothing private, and HTTP validators from the body."""

import hashlib
import xml.etree.ElementTree as ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from changes.models import ChangeEvent
from tests.feed.atom_validation import atom_problems

ATOM = "{http://www.w3.org/2005/Atom}"
LANGUAGES = ("en", "fr", "nl")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 12)


def atom(client, locale="en", **headers):
    response = client.get(f"/api/v1/changes/{locale}.atom", **headers)
    assert response.status_code == 200
    return response


def entries(response) -> dict[str, ElementTree.Element]:
    """The feed's entries by id (each id once: asserted)."""
    found = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in found]
    assert len(ids) == len(set(ids)), "an item has more than one entry"
    return dict(zip(ids, found, strict=True))


def entry_of(response, item, locale="en") -> ElementTree.Element:
    kind = "section" if hasattr(item, "number") else "service"
    return entries(response)[f"urn:ipv-kb:{kind}:{item.translation_key}:{locale}"]


def alternate(entry) -> str:
    links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
    assert len(links) == 1
    return links[0].get("href")


def test_atom_feed_lists_the_latest_changes_of_one_language(client, section):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 12)
    page = section("A.1")
    page.summary = "New summary for the feed."
    page.save_revision(user=editor).publish()
    response = client.get("/api/v1/changes/en.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    latest = {
        entry.find(f"{ATOM}title").text: entry.find(f"{ATOM}summary").text
        for entry in feed.findall(f"{ATOM}entry")[:5]
    }
    assert latest["Updated: A.1 Definition"] == "New summary for the feed."
    assert client.get("/api/v1/changes/de.atom").status_code == 404


def test_a_private_sections_edits_reach_neither_the_change_log_nor_atom(client, section):
    """Edited while private (its parent has a login restriction): nothing of it leaves. Made
    public again: announced and shown."""
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 12)
    page = section("A.4.3")
    restriction = PageViewRestriction.objects.create(page=section("A.4"), restriction_type="login")
    page.summary = "A summary written while the section is private."
    page.save_revision(user=editor).publish()

    def actions():
        changes = client.get("/api/v1/changes/", {"limit": 1000}).json()["results"]
        return [c["action"] for c in changes if c["type"] == "section" and c["id"] == page.pk]

    atom = client.get("/api/v1/changes/en.atom").content.decode()
    assert page.summary not in atom and page.title not in atom
    assert actions()[-1] == "unpublished"

    restriction.delete()
    assert actions()[-1] == "published"
    assert page.summary in client.get("/api/v1/changes/en.atom").content.decode()


@pytest.fixture
def changed_content(section, service, editor):
    """Published, updated and removed items in every language: in each, a section taken down
    and put back (its translations are then updated); one edited twice, one unpublished, one
    deleted; a service unpublished in Dutch."""
    for locale, number in zip(LANGUAGES, ("A.2", "A.3", "A.4.1"), strict=True):
        back = section(number).get_translation(Locale.objects.get(language_code=locale))
        back.unpublish()
        back.save_revision(user=editor).publish()
    edited = section("A.1")
    for summary in ("First edit.", "Second edit."):
        edited.summary = summary
        edited.save_revision(user=editor).publish()
    section("A.5.8").unpublish()
    for page in section("B.3").get_translations(inclusive=True):
        page.delete()
    service("helpline-1712").get_translation(Locale.objects.get(language_code="nl")).unpublish()


@pytest.mark.parametrize(
    "operator",
    [
        {},
        {
            "FEED_ATTRIBUTION": "Brussels network on violence between partners",
            "FEED_LICENCE_NAME": "CC BY 4.0",
            "FEED_LICENCE_URL": "https://creativecommons.org/licenses/by/4.0/",
        },
    ],
    ids=["unconfigured", "attribution-and-licence"],
)
def test_every_language_passes_rfc_4287_and_the_validators_rules(
    client, settings, changed_content, operator
):
    for name, value in operator.items():
        setattr(settings, name, value)
    for locale in LANGUAGES:
        response = atom(client, locale)
        assert atom_problems(response.content) == [], locale
        actions = {
            entry.find(f"{ATOM}category").get("term") for entry in entries(response).values()
        }
        assert {"published", "updated"} <= actions, locale
        assert actions & {"unpublished", "deleted"}, locale


def test_the_feed_and_each_entry_have_an_author(client, settings, service, changed_content):
    """The operator's attribution, else the site's name; a service's entry names its
    organisation."""
    response = atom(client)
    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Violence between (ex-)partners in Brussels"
    settings.FEED_ATTRIBUTION = "Brussels network on violence between partners"
    response = atom(client)
    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == settings.FEED_ATTRIBUTION
    for entry in feed.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
    cpvcf = service("cpvcf")
    cpvcf.save_revision(user=None).publish()
    author = entry_of(atom(client), cpvcf).find(f"{ATOM}author")
    assert author.findtext(f"{ATOM}name") == cpvcf.organisation.name
    assert author.findtext(f"{ATOM}uri") == cpvcf.organisation.website


def test_one_entry_per_item_with_its_latest_state(client, section, editor):
    page = section("A.3")
    for number in range(3):
        page.title = f"Cycle of violence, edit {number}"
        page.summary = f"Summary, edit {number}."
        page.save_revision(user=editor).publish()
    response = atom(client)
    found = entries(response)  # each id once
    assert len(found) <= 50
    entry = entry_of(response, page)
    assert entry.findtext(f"{ATOM}title") == "Updated: A.3 Cycle of violence, edit 2"
    assert entry.findtext(f"{ATOM}summary") == "Summary, edit 2."
    latest = ChangeEvent.objects.filter(object_type="section", object_id=page.pk).last()
    assert entry.findtext(f"{ATOM}updated") == latest.occurred_at.isoformat()
    # The most recently changed items first (the section, then what shows it: its parent).
    updated = [e.findtext(f"{ATOM}updated") for e in found.values()]
    assert updated == sorted(updated, reverse=True)
    assert entry.findtext(f"{ATOM}id") in list(found)[:3]
    page.refresh_from_db()
    assert client.get(alternate(entry)).status_code == 200  # its public page
    assert alternate(entry).endswith(page.url)


def test_a_removed_item_is_a_tombstone_that_links_to_its_removal(client, section, service):
    unpublished = section("A.5.8")
    unpublished.unpublish()
    deleted = service("emergency-112")
    deleted_id = deleted.pk
    deleted.delete()
    response = atom(client)
    for item, item_id, kind, action, label in [
        (unpublished, unpublished.pk, "section", "unpublished", "A.5.8"),
        (deleted, deleted_id, "service", "deleted", "emergency-112"),
    ]:
        entry = entry_of(response, item)
        assert entry.findtext(f"{ATOM}title") == f"Removed: {label}"
        assert entry.find(f"{ATOM}category").get("term") == action
        assert "Remove it from your copy." in entry.findtext(f"{ATOM}summary")
        # Its link answers 200 with its tombstone, not the 410 of its detail URL.
        tombstone = client.get(alternate(entry)).json()["results"]
        assert [(t["action"], t["type"], t["id"]) for t in tombstone] == [(action, kind, item_id)]
        assert client.get(f"/api/v1/{kind}s/{item_id}/").status_code == 410
    assert unpublished.title not in response.content.decode()


def test_removals_are_in_the_feeds_language(client, section):
    section("A.5.8").get_translation(Locale.objects.get(language_code="fr")).unpublish()
    titles = [e.findtext(f"{ATOM}title") for e in entries(atom(client, "fr")).values()]
    assert "Retiré\xa0: A.5.8" in titles


def test_conditional_requests_are_answered_304_until_something_changes(client, section, editor):
    first = atom(client)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag == f'"{hashlib.sha256(first.content).hexdigest()[:32]}"'  # from the body
    latest = ChangeEvent.objects.filter(locale="en").order_by("-occurred_at").first()
    assert last_modified == latest.occurred_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert first["Cache-Control"] == "public, no-cache"
    assert first["Content-Language"] == "en"

    again = client.get("/api/v1/changes/en.atom", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == "public, no-cache"
    since = client.get("/api/v1/changes/en.atom", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304

    page = section("A.1")
    page.summary = "Changed after the first poll."
    page.save_revision(user=editor).publish()
    changed = client.get("/api/v1/changes/en.atom", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert b"Changed after the first poll." in changed.content


def test_the_body_and_its_etag_do_not_vary_with_accept_language(client, db):
    """The path names the language, so Accept-Language changes nothing (and no Vary on it)."""
    english = atom(client, HTTP_ACCEPT_LANGUAGE="en")
    dutch = atom(client, HTTP_ACCEPT_LANGUAGE="nl")
    assert english.content == dutch.content and english["ETag"] == dutch["ETag"]
    assert "accept-language" not in english.get("Vary", "").lower()


def test_writes_are_405_for_everyone(db):
    """Also with CSRF checks on, as for a real client: no 403 stands in front of the 405."""
    client = Client(enforce_csrf_checks=True)
    for method in (client.post, client.put, client.patch, client.delete):
        assert method("/api/v1/changes/en.atom").status_code == 405
    assert client.head("/api/v1/changes/en.atom").status_code == 200
    assert "GET" in client.options("/api/v1/changes/en.atom")["Allow"]
