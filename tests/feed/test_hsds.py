"""The HSDS 3.0 view validates against Open Referral's compiled schemas, property by property."""

import json
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from wagtail.models import Locale

from feed.hsds import service_id

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "standards" / "hsds-3.0"
pytestmark = pytest.mark.skipif(
    not SCHEMAS.exists(), reason="Open Referral's schemas are in ../shared/standards/hsds-3.0"
)


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


def validate(document: dict, name: str) -> None:
    compiled = schema(name)
    validator = jsonschema.validators.validator_for(compiled)
    validator(compiled, format_checker=validator.FORMAT_CHECKER).validate(document)
    assert_no_property_outside(document, compiled, name)


def assert_no_property_outside(document, compiled: dict, where: str) -> None:
    if isinstance(document, dict):
        properties = compiled.get("properties", {})
        assert set(document) <= set(properties), (where, set(document) - set(properties))
        for key, value in document.items():
            assert_no_property_outside(value, properties[key], f"{where}.{key}")
    elif isinstance(document, list):
        for item in document:
            assert_no_property_outside(item, compiled.get("items", {}), f"{where}[]")


def test_root_describes_the_hsds_api(client, db):
    root = client.get("/api/hsds/").json()
    assert root["version"] == "3.0"


@pytest.mark.parametrize("code", ["en", "fr", "nl"])
def test_service_list_pages_validate(client, db, code):
    page = client.get("/api/hsds/services", {"locale": code}).json()
    page_schema = schema("openapi.json")["components"]["schemas"]["Page"]
    assert set(page) == set(page_schema["properties"]) | {"contents"}
    assert page["total_items"] == 6 and len(page["contents"]) == 6
    for service in page["contents"]:
        validate(service, "service_list.json")


@pytest.mark.parametrize("code", ["en", "fr", "nl"])
def test_every_service_validates_with_its_phones_schedules_languages_and_location(
    client, service, code
):
    for slug in ("cpvcf", "caw-brussels-reception", "caw-victim-support-brussels",
                 "domestic-violence-helpline", "helpline-1712", "emergency-112"):  # fmt: skip
        record = service(slug)
        if code != "en":
            record = record.get_translation(record.locale.__class__.objects.get(language_code=code))
        response = client.get(f"/api/hsds/services/{service_id(record)}", {"locale": code})
        assert response.status_code == 200, slug
        document = response.json()
        validate(document, "service.json")
        assert [p["number"] for p in document.get("phones", [])] == [
            c.value for c in record.channels.all() if c.kind == "phone"
        ]


def test_reception_hours_become_weekly_schedules(client, service):
    record = service("caw-brussels-reception")
    document = client.get(f"/api/hsds/services/{service_id(record)}").json()
    monday = [(s["opens_at"], s["closes_at"]) for s in document["schedules"] if s["byday"] == "MO"]
    assert monday == [("09:00", "12:30"), ("13:00", "17:00")]
    address = document["service_at_locations"][0]["location"]["addresses"][0]
    assert address["address_1"] == "Boulevard d'Anvers 34" and address["postal_code"] == "1000"


@pytest.mark.parametrize("code", ["en", "fr", "nl"])
def test_organization_list_validates(client, db, code):
    page = client.get("/api/hsds/organizations", {"locale": code}).json()
    assert page["total_items"] == 2
    for organisation in page["contents"]:
        validate(organisation, "organization_list.json")


def test_unknown_ids_and_bad_parameters_are_problems(client, db):
    response = client.get("/api/hsds/services/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert client.get("/api/hsds/services", {"per_page": 0}).status_code == 400
    assert client.get("/api/hsds/services", {"sort": "name"}).status_code == 400


@pytest.mark.parametrize("code", ["fr", "nl"])
def test_a_translations_id_resolves_whatever_the_language_asked(client, service, code):
    """An HSDS client follows ids it was given without knowing their language."""
    record = service("cpvcf").get_translation(Locale.objects.get(language_code=code))
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "en"}):
        response = client.get(f"/api/hsds/services/{service_id(record)}", **headers)
        assert response.status_code == 200
        document = response.json()
        assert document["name"] == record.name
        assert response["Content-Language"] == code
