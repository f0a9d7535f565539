"""Helpers for feed tests: the OpenAPI schema as JSON Schema, and volatile-field normalisation."""

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from drf_spectacular.generators import SchemaGenerator

EXPECTED = Path(__file__).parent / "expected"


@cache
def openapi() -> dict:
    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))


def assert_matches_schema(data, component: str) -> None:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{component}",
        "components": openapi()["components"],
    }
    jsonschema.validate(data, schema)


VOLATILE_KEYS = {"first_published_at", "last_published_at", "occurred_at", "translation_key"}


def normalise(value, key=None):
    """Replace what differs between databases and runs (ids, hosts, times, open-now)."""
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if key in VOLATILE_KEYS and value is not None:
        return f"<{key}>"
    if key == "id" and isinstance(value, int):
        return "<id>"
    if key == "open_now":
        return "<open_now>"
    if isinstance(value, str):
        value = re.sub(r"^https?://[^/]+", "<host>", value)
        return re.sub(r"/api/v1/(sections|services)/\d+/", r"/api/v1/\1/<id>/", value)
    return value


def assert_matches_expected(data, name: str) -> None:
    """Compare with tests/expected/<name>.json; write it when UPDATE_EXPECTED=1."""
    import os

    path = EXPECTED / f"{name}.json"
    actual = normalise(data)
    if os.environ.get("UPDATE_EXPECTED") == "1" or not path.exists():
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    assert actual == json.loads(path.read_text())
