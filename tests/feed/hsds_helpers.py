"""Open Referral's HSDS 3.0 schemas (in ../shared/standards/hsds-3.0, commit 279fd2e of
openreferral/specification) and validation against them, property by property.

Three schemas of the standard are not in that folder; they are derived from the ones that are,
exactly as Open Referral compiles them:
- service_at_location_list.json is service_at_location.json without its array properties, at
  every level (Open Referral's list schemas are built so: service_list.json is service.json
  without them, which `test_the_list_schemas_are_the_full_ones_without_arrays` checks);
- taxonomy_term.json and taxonomy.json are compiled into service.json, as an attribute's
  `taxonomy_term` and that term's `taxonomy_detail`."""

import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.http import QueryDict

SCHEMAS = Path(settings.BASE_DIR).parent / "shared" / "standards" / "hsds-3.0"
needs_schemas = pytest.mark.skipif(
    not SCHEMAS.exists(), reason="Open Referral's schemas are in ../shared/standards/hsds-3.0"
)


@cache
def schema(name: str) -> dict:
    derived = {
        "service_at_location_list.json": lambda: without_arrays(schema("service_at_location.json")),
        "taxonomy_term.json": lambda: schema("service.json")["properties"]["attributes"]["items"][
            "properties"
        ]["taxonomy_term"],
        "taxonomy.json": lambda: schema("taxonomy_term.json")["properties"]["taxonomy_detail"],
    }
    if name in derived:
        return derived[name]()
    return json.loads((SCHEMAS / name).read_text())


def without_arrays(compiled: dict) -> dict:
    """A list schema: the one-to-one fields of `compiled`, at every level."""
    properties = {
        key: without_arrays(value) if value.get("type") == "object" else value
        for key, value in compiled["properties"].items()
        if value.get("type") != "array"
    }
    return {**compiled, "properties": properties}


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


def validate_page(page: dict, item_schema: str) -> list[dict]:
    """A Page of the standard's openapi.json, each of its contents valid; returns them."""
    page_schema = schema("openapi.json")["components"]["schemas"]["Page"]
    assert set(page) == set(page_schema["properties"]) | {"contents"}
    for item in page["contents"]:
        validate(item, item_schema)
    return page["contents"]


def hsds(client, path: str, status: int = 200, **params) -> dict:
    response = client.get(f"/api/hsds/{path}", params)
    assert response.status_code == status, (path, params, response.content[:500])
    return response.json()


def every_text(client, paths: list[str], **params) -> str:
    """All that these HSDS paths (with their own query, if any) answer with `params` added, as
    one text (to check what never appears). Every answer must be a 200."""
    texts = []
    for path in paths:
        route, _, query = path.partition("?")
        response = client.get(f"/api/hsds/{route}", {**QueryDict(query).dict(), **params})
        assert response.status_code == 200, (path, params, response.content[:300])
        texts.append(response.content.decode())
    return "\n".join(texts)
