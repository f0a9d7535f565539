"""The HSDS 3.0 view validates against Open Referral's compiled schemas, property by property,
for every operation of the standard's openapi.json, in every language."""

import pytest
from wagtail.models import Locale

from feed.hsds import service_id
from feed.hsds.documents.taxonomy import TAXONOMY_ID, term_id
from tests.api_helpers import assert_matches_schema
from tests.feed.hsds_helpers import (
    hsds,
    needs_schemas,
    schema,
    validate,
    validate_page,
    without_arrays,
)

pytestmark = needs_schemas
LANGUAGES = ["en", "fr", "nl"]
SLUGS = ["cpvcf", "caw-brussels-reception", "caw-victim-support-brussels",
         "domestic-violence-helpline", "helpline-1712", "emergency-112"]  # fmt: skip
AT_AN_ADDRESS = {"cpvcf", "caw-brussels-reception", "caw-victim-support-brussels"}


def in_language(record, code):
    return (
        record if code == "en" else record.get_translation(Locale.objects.get(language_code=code))
    )


def test_the_list_schemas_are_the_full_ones_without_arrays():
    """How the one derived schema (service_at_location_list.json) is made holds for the list
    schemas that are in the folder."""
    assert without_arrays(schema("service.json")) == schema("service_list.json")


def test_root_describes_the_hsds_api(client, db):
    root = hsds(client, "")
    assert root["version"] == "3.0"
    assert root["openapi_url"].endswith("/3.0/schema/openapi.json")


@pytest.mark.parametrize("code", LANGUAGES)
def test_service_list_pages_validate(client, db, code):
    page = hsds(client, "services", locale=code)
    assert page["total_items"] == 6 and len(page["contents"]) == 6
    validate_page(page, "service_list.json")
    assert_matches_schema(page, "HsdsServicePage")


@pytest.mark.parametrize("code", LANGUAGES)
def test_minimal_lists_give_each_services_id_and_last_change_in_one_page(client, db, code):
    page = hsds(client, "services", locale=code, minimal="true")
    contents = validate_page(page, "service_list.json")
    assert len(contents) == 6 and page["total_pages"] == 1
    assert all(set(item) == {"id", "name", "status", "last_modified"} for item in contents)
    full = {s["id"]: s for s in hsds(client, "services", locale=code)["contents"]}
    assert {item["id"]: item["last_modified"] for item in contents} == {
        sid: s["last_modified"] for sid, s in full.items()
    }
    assert (
        hsds(client, "services", locale=code, minimal="true", full="true")["contents"] == contents
    )
    assert hsds(client, "services", minimal="true", per_page=2)["total_pages"] == 3


@pytest.mark.parametrize("code", LANGUAGES)
def test_full_lists_give_fully_nested_services(client, db, code):
    page = hsds(client, "services", locale=code, full="true")
    contents = validate_page(page, "service.json")
    assert all("phones" in s and "attributes" in s for s in contents)
    for item in contents:
        assert item == hsds(client, f"services/{item['id']}")
    assert_matches_schema(page, "HsdsServicePage")


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_service_validates_with_its_phones_schedules_languages_kind_and_location(
    client, service, code
):
    for slug in SLUGS:
        record = in_language(service(slug), code)
        document = hsds(client, f"services/{service_id(record)}", locale=code)
        validate(document, "service.json")
        assert_matches_schema(document, "HsdsService")
        assert [p["number"] for p in document.get("phones", [])] == [
            c.value for c in record.channels.all() if c.kind == "phone"
        ]
        assert len(document["service_at_locations"]) == (slug in AT_AN_ADDRESS)
        [kind] = document["attributes"]
        assert kind["taxonomy_term_id"] == term_id(record.kind)
        assert kind["taxonomy_term"]["taxonomy_id"] == TAXONOMY_ID


def test_reception_hours_become_weekly_schedules(client, service):
    record = service("caw-brussels-reception")
    document = hsds(client, f"services/{service_id(record)}")
    monday = [(s["opens_at"], s["closes_at"]) for s in document["schedules"] if s["byday"] == "MO"]
    assert monday == [("09:00", "12:30"), ("13:00", "17:00")]
    address = document["service_at_locations"][0]["location"]["addresses"][0]
    assert address["address_1"] == "Boulevard d'Anvers / Antwerpselaan 34"
    assert address["postal_code"] == "1000"
    assert address["state_province"] == "Brussels-Capital Region"


@pytest.mark.parametrize(
    ("code", "street"),
    [("en", "Boulevard d'Anvers / Antwerpselaan 34"), ("fr", "Boulevard d'Anvers 34"),
     ("nl", "Antwerpselaan 34")],
)  # fmt: skip
def test_each_languages_location_names_the_street_in_that_language(client, service, code, street):
    record = in_language(service("caw-brussels-reception"), code)
    document = hsds(client, f"services/{service_id(record)}", locale=code)
    assert document["service_at_locations"][0]["location"]["addresses"][0]["address_1"] == street


@pytest.mark.parametrize("code", LANGUAGES)
def test_services_at_locations_validate_as_list_and_in_full(client, db, code):
    page = hsds(client, "service_at_locations", locale=code)
    contents = validate_page(page, "service_at_location_list.json")
    assert_matches_schema(page, "HsdsServiceAtLocationPage")
    names = {item["service"]["name"] for item in contents}
    assert len(contents) == 3 and len(names) == 3  # the helplines and 112 have no address
    assert all("addresses" not in item["location"] for item in contents)
    full = validate_page(
        hsds(client, "service_at_locations", locale=code, full="true"), "service_at_location.json"
    )
    for summary, item in zip(contents, full, strict=True):
        document = hsds(client, f"service_at_locations/{summary['id']}")
        validate(document, "service_at_location.json")
        assert_matches_schema(document, "HsdsServiceAtLocation")
        assert document == item
        assert document["location"]["addresses"][0]["country"] == "BE"
        assert document["service"]["phones"]  # the full service, not its list fields
        nested = hsds(client, f"services/{document['service_id']}")["service_at_locations"]
        assert [(s["id"], s["location"]) for s in nested] == [
            (document["id"], document["location"])
        ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_organizations_validate_as_list_full_and_one_by_one(client, db, code):
    page = hsds(client, "organizations", locale=code)
    assert page["total_items"] == 2
    contents = validate_page(page, "organization_list.json")
    for full_service, item_schema in (("false", "service_list.json"), ("true", "service.json")):
        full = hsds(client, "organizations", locale=code, full="true", full_service=full_service)
        for organisation in validate_page(full, "organization.json"):
            for nested in organisation["services"]:
                validate(nested, item_schema)
            assert organisation == hsds(
                client, f"organizations/{organisation['id']}", full_service=full_service
            )
    caw = next(o for o in contents if o["alternate_name"] == "CAW")
    document = hsds(client, f"organizations/{caw['id']}")
    validate(document, "organization.json")
    assert_matches_schema(document, "HsdsOrganization")
    assert len(document["services"]) == 2 and len(document["locations"]) == 2
    assert {loc["organization_id"] for loc in document["locations"]} == {caw["id"]}
    services = hsds(client, "services", locale=code)["contents"]
    assert {s["id"] for s in document["services"]} == {
        s["id"] for s in services if s.get("organization_id") == caw["id"]
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_service_kinds_are_a_taxonomy_whose_terms_validate(client, db, code):
    taxonomies = validate_page(hsds(client, "taxonomies", locale=code), "taxonomy.json")
    assert [t["id"] for t in taxonomies] == [TAXONOMY_ID]
    validate(hsds(client, f"taxonomies/{TAXONOMY_ID}"), "taxonomy.json")
    terms = validate_page(hsds(client, "taxonomy_terms", locale=code), "taxonomy_term.json")
    assert [t["code"] for t in terms] == [
        "specialist", "general_welfare", "victim_support", "helpline", "emergency"
    ]  # fmt: skip
    for term in terms:
        response = client.get(f"/api/hsds/taxonomy_terms/{term['id']}", {"locale": code})
        validate(response.json(), "taxonomy_term.json")
        assert response.json() == term
        assert response["Content-Language"] == "en" == term["language"]  # the admin's labels
    assert_matches_schema(hsds(client, "taxonomy_terms"), "HsdsTaxonomyTermPage")
    assert_matches_schema(hsds(client, "taxonomies"), "HsdsTaxonomyPage")
