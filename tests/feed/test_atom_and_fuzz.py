"""The Atom feed of changes (the schemathesis run of the whole feed is in test_openapi.py)."""

import xml.etree.ElementTree as ElementTree

from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

ATOM = "{http://www.w3.org/2005/Atom}"


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
