"""Bad input to HSDS is a 400 problem naming the parameter, never a 500; paths that no HSDS
operation serves are 404 problems, not pages (DEBUG is off in the tests, as in production)."""

import pytest
from django.conf import settings

from feed.hsds.documents.taxonomy import TAXONOMY_ID

ZERO = "00000000-0000-0000-0000-000000000000"


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("services", "per_page=0", "per_page"),
        ("services", "per_page=101", "per_page"),
        ("services", "minimal=true&per_page=1000", "per_page"),
        ("services", "per_page=abc", "per_page"),
        ("services", "page=0", "page"),
        ("services", "per_page=1&per_page=2", "per_page"),
        ("services", "minimal=perhaps", "minimal"),
        ("services", "full=2", "full"),
        ("services", "organization_id=cpvcf", "organization_id"),
        ("services", "taxonomy_id=service-kind", "taxonomy_id"),
        ("services", "taxonomy_term_id=helpline", "taxonomy_term_id"),
        ("services", "modified_after=yesterday", "modified_after"),
        ("services", "modified_after=2026-11-28", "modified_after"),
        ("services", "modified_after=2026-11-28T08:00:00", "modified_after"),  # no time zone
        ("services", "modified_after=2026-13-45T08:00:00Z", "modified_after"),
        ("services", "modified_after=2026-11-28T99:99:99Z", "modified_after"),
        ("services", "modified_after=2026-11-28T08:00:00%2B25:00", "modified_after"),
        ("services", "modified_after=1764316800", "modified_after"),
        ("services", "modified_after=%C2%B2%C2%B2%C2%B2%C2%B2-11-28T08:00:00Z", "modified_after"),
        ("services", "search=%21%3F%21", "search"),  # nothing to search for
        ("services", "search=" + "a" * 201, "search"),
        ("services", "search=%00", "search"),
        ("services", "sort=name", "sort"),
        ("services", "postcode=1000", "postcode"),  # not a parameter of /services
        ("services", "format=ndjson", "format"),
        ("services", "format=xml", "format"),
        ("services", "locale=de", "locale"),
        ("services/" + ZERO, "full=true", "full"),
        ("service_at_locations", "postcode=1000", "postcode"),
        ("service_at_locations", "proximity=500", "proximity"),
        ("service_at_locations", "minimal=true", "minimal"),
        ("service_at_locations", "modified_after=soon", "modified_after"),
        ("service_at_locations/" + ZERO, "page=2", "page"),
        ("organizations", "full_service=maybe", "full_service"),
        ("organizations", "modified_after=2026-11-28T08:00:00Z", "modified_after"),
        ("organizations", "search=%E2%80%94", "search"),
        ("organizations/" + ZERO, "full=true", "full"),
        ("organizations/" + ZERO, "full_service=2", "full_service"),
        ("taxonomies", "search=%2A", "search"),
        ("taxonomies/" + TAXONOMY_ID, "page=2", "page"),
        ("taxonomy_terms", "top_only=x", "top_only"),
        ("taxonomy_terms", "parent_id=x", "parent_id"),
        ("taxonomy_terms", "taxonomy_id=1", "taxonomy_id"),
        ("taxonomy_terms/" + ZERO, "locale=xx", "locale"),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_parameter(client, db, path, query, parameter):
    response = client.get(f"/api/hsds/{path}?{query}")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response["Cache-Control"] == "public, max-age=5"
    problem = response.json()
    assert problem["status"] == 400
    assert parameter in [p["name"] for p in problem["invalid_params"]]


def test_an_empty_parameter_is_a_400_naming_it(client, db):
    """As everywhere in the feed: `?search=` is not "no search" (leave the parameter out)."""
    for name in ("modified_after", "search", "organization_id", "minimal"):
        problem = client.get(f"/api/hsds/services?{name}=").json()
        assert problem["status"] == 400, name
        assert [p["name"] for p in problem["invalid_params"]] == [name]


def test_unsupported_parameters_of_the_standard_say_why(client, db):
    reasons = client.get("/api/hsds/service_at_locations?postcode=1000&proximity=5").json()
    assert {p["name"]: p["reason"] for p in reasons["invalid_params"]} == {
        "postcode": "Not supported: the services have no service areas and no coordinates.",
        "proximity": "Not supported: the services have no coordinates.",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/hsds/locations",
        f"/api/hsds/locations/{ZERO}",
        "/api/hsds/services/not-a-uuid",
        "/api/hsds/services/",
        f"/api/hsds/services/{ZERO}/",
        "/api/hsds/organizations/12",
        "/api/hsds/programs",
        "/api/hsds/services.json",
        "/api/hsds/nothing/here",
    ],
)
def test_paths_that_no_hsds_operation_serves_are_404_problems(client, db, path):
    assert settings.DEBUG is False  # the project's 404 handler, as in production
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "No feed endpoint has this path; /api/v1/ lists them."


@pytest.mark.parametrize(
    "path",
    [f"services/{ZERO}", f"service_at_locations/{ZERO}", f"organizations/{ZERO}",
     f"taxonomies/{ZERO}", f"taxonomy_terms/{ZERO}"],
)  # fmt: skip
def test_unknown_ids_are_404_problems(client, db, path):
    response = client.get(f"/api/hsds/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "HSDS id" in response.json()["detail"]
