"""A bounded schemathesis fuzz run of the whole feed (the Atom feed is in test_atom.py)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from cms.wsgi import application


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
    # The root, fact sheets, sections and services (list, detail), search, suggest, changes;
    # and HSDS: its root, services, services at locations, organisations, taxonomies and their
    # terms (list, detail), every read operation of Open Referral's openapi.json.
    assert len(operations) == 10 + 11
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
