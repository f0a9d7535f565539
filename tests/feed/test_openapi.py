"""The feed's OpenAPI document: what partners generate clients from. A schemathesis run of every
operation (HEAD beside every GET; OPTIONS probed on every path) with every check, and the
document's promises: anonymous, typed block bodies, headers, servers, licence and contact."""

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis.config import SchemathesisConfig

from cms.wsgi import application
from tests.api_helpers import assert_matches_schema, openapi


@pytest.fixture
def keep_test_connection():
    """Calls through WSGI must not close the test's database connection (as Django's test
    client does too); on PostgreSQL that would end the test transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


FUZZ = {
    "seed": 20261201,  # with `deterministic`, the same cases on every run: CI never fails by chance
    "generation": {"mode": "all", "max-examples": 25, "deterministic": True, "database": "none"},
    "checks": {"enabled": True},  # every check, not only "no server error"
    "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True}},
    "suppress-health-check": ["all"],
}


# The document as drf-spectacular generates it (no database needed), sent to the WSGI application.
# (schemathesis.pytest.from_fixture would load it through the application, but its lazy loader
# reads a pytest attribute that pytest 9 no longer has.)
fuzzed = schemathesis.openapi.from_dict(openapi(), config=SchemathesisConfig.from_dict(FUZZ))
fuzzed.app = application


@fuzzed.parametrize()
def test_every_operation_answers_as_the_document_says(case, db, keep_test_connection):
    """Generated valid and invalid requests, the coverage phase's boundaries, unexpected methods
    (OPTIONS among them) and every check on each answer: status, content type, body, headers."""
    case.call_and_validate()


def operations() -> dict[tuple[str, str], dict]:
    return {
        (path, method): operation
        for path, item in openapi()["paths"].items()
        for method, operation in item.items()
    }


def test_the_document_covers_the_feed_with_head_beside_every_get():
    methods = {}
    for path, method in operations():
        methods.setdefault(path, set()).add(method)
    # The root, fact sheets, sections and services (list, detail), search, suggest, changes,
    # Atom; and HSDS: its root, services, services at locations, organisations, taxonomies and
    # their terms (list, detail), every read operation of Open Referral's openapi.json.
    assert len(methods) == 11 + 11
    assert all(found == {"get", "head"} for found in methods.values())
    assert "/api/v1/changes/{locale}.atom" in methods


def test_no_operation_asks_for_credentials():
    document = openapi()
    assert document["security"] == []
    assert "securitySchemes" not in document.get("components", {})
    assert not [key for key, operation in operations().items() if "security" in operation]


def test_every_operation_has_a_summary_a_tag_and_its_problems():
    for key, operation in operations().items():
        assert operation["summary"] and len(operation["tags"]) == 1, key
        problems = [status for status in operation["responses"] if status.startswith("4")]
        assert problems, key
        for status in problems:
            response = operation["responses"][status]
            assert response["headers"]["Cache-Control"], key
            if key[1] == "get":
                assert list(response["content"]) == ["application/problem+json"], key


def test_every_get_describes_its_validators_and_the_304():
    for (path, method), operation in operations().items():
        if path.startswith("/api/v1/search/") or path.endswith(".atom"):
            continue
        names = {p.get("$ref", "").rsplit("/", 1)[-1] for p in operation["parameters"]}
        assert {"IfNoneMatch", "IfModifiedSince", "AcceptLanguage"} <= names, path
        for status in ("200", "304"):
            headers = operation["responses"][status]["headers"]
            assert set(headers) == {
                "ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language"
            }, (path, method, status)  # fmt: skip
        assert "content" not in operation["responses"]["304"]
        if method == "head":
            assert not [r for r in operation["responses"].values() if "content" in r], path


BLOCK_TYPES = (
    "paragraph", "heading", "callout", "criteria", "definitions", "cycle", "warning_signs",
    "do_dont", "further_information", "citation", "factsheet_reference", "service",
)  # fmt: skip


def test_block_bodies_are_typed_by_a_discriminator():
    schemas = openapi()["components"]["schemas"]
    block = schemas["Block"]
    mapping = block["discriminator"]["mapping"]
    assert block["discriminator"]["propertyName"] == "type"
    assert sorted(mapping) == sorted(BLOCK_TYPES)
    from knowledge.blocks import SectionBodyBlock

    assert sorted(mapping) == sorted(SectionBodyBlock.base_blocks)  # one component per block
    for name, ref in mapping.items():
        component = schemas[ref.rsplit("/", 1)[-1]]
        assert component["properties"]["type"] == {"type": "string", "const": name}
        assert sorted(component["required"]) == ["id", "type", "value"]
    service = schemas["ServiceBlockValue"]["properties"]["service"]
    assert {"type": "null"} in service["oneOf"]  # a closed or unpublished service


def test_servers_licence_and_contact_come_from_settings(settings):
    from drf_spectacular.generators import SchemaGenerator

    def document():
        return SchemaGenerator().get_schema(request=None, public=True)

    unset = document()
    assert unset["servers"] == [{"url": "/", "description": "The site that serves this document."}]
    assert "license" not in unset["info"] and "contact" not in unset["info"]  # never invented

    settings.FEED_PUBLIC_URL = "https://kb.example.be/"
    settings.FEED_LICENCE_NAME, settings.FEED_LICENCE_URL = "CC BY 4.0", "https://cc.org/by/4.0/"
    settings.FEED_CONTACT_NAME, settings.FEED_CONTACT_EMAIL = "Feed team", "feed@example.be"
    info = document()["info"]
    assert document()["servers"][0]["url"] == "https://kb.example.be"
    assert info["license"] == {"name": "CC BY 4.0", "url": "https://cc.org/by/4.0/"}
    assert info["contact"] == {"name": "Feed team", "email": "feed@example.be"}


def test_a_service_block_whose_service_closed_says_null(client, section):
    """The document's `service: null`, in a real answer: the service was unpublished."""
    page = section("B.2.1")
    block = next(b for b in page.body if b.block_type == "service")
    block.value["service"].localized.unpublish()
    data = client.get(f"/api/v1/sections/{page.pk}/").json()
    assert_matches_schema(data, "SectionDetail")
    services = [b["value"]["service"] for b in data["data"]["body"] if b["type"] == "service"]
    assert None in services


CLIENT_CONFIG = """\
# Atom is for feed readers: the generator reads only JSON, text and bytes.
content_type_overrides:
  application/atom+xml: text/plain
post_hooks: []
"""


def test_a_generated_python_client_reads_every_section_and_service(client, db, tmp_path):
    """openapi-python-client generates a client without a warning, and its models read the
    real content (every section's typed body, every service) in every language."""
    document, config = tmp_path / "openapi.json", tmp_path / "config.yaml"
    document.write_text(json.dumps(openapi()))
    config.write_text(CLIENT_CONFIG)
    generator = Path(sys.executable).parent / "openapi-python-client"
    package = tmp_path / "feed_client"
    run = subprocess.run(
        [generator, "generate", "--path", document, "--config", config, "--meta", "none",
         "--output-path", package],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0 and "Warning" not in run.stdout + run.stderr, run.stdout
    sys.path.insert(0, str(tmp_path))
    try:
        models = importlib.import_module("feed_client.models")
        get_section = importlib.import_module("feed_client.api.sections.get_section")
    finally:
        sys.path.remove(str(tmp_path))
    # Anonymous: a plain client will do (with `security: [{}]` only an authenticated one did).
    assert "client: AuthenticatedClient | Client," in inspect.getsource(get_section.sync)
    for code in ("en", "fr", "nl"):
        sections = client.get("/api/v1/sections/", {"locale": code, "page_size": 100}).json()
        body = [block for s in models.SectionList.from_dict(sections).results for block in s.body]
        assert {type(block).__name__ for block in body} >= {"ParagraphBlock", "ServiceBlock"}
        services = client.get("/api/v1/services/", {"locale": code}).json()
        assert len(models.ServiceList.from_dict(services).results) == services["count"]
