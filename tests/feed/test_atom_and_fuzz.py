"""The Atom feed of changes, and a bounded schemathesis fuzz run of the whole feed."""

import xml.etree.ElementTree as ElementTree

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from wagtail.models import PageViewRestriction

from cms.wsgi import application

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


@pytest.fixture
def keep_test_connection():
    """Calls through WSGI must not close the test's database connection (as Django's test
    client does too); on PostgreSQL that would end the test transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_fuzzing_the_feed_finds_no_server_error_and_no_schema_violation(db, keep_test_connection):
    """Every operation of the OpenAPI schema, with generated parameters (bounded for CI)."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    # The root, sections and services (list, detail), search, suggest, changes; and HSDS: its
    # root, services, services at locations, organisations, taxonomies and their terms (list,
    # detail), every read operation of Open Referral's openapi.json.
    assert len(operations) == 8 + 11
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,  # the same cases on every run: CI never fails by chance
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])
            case.validate_response(response)

        check()
