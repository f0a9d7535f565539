"""HSDS identifiers: UUIDs derived from a record's translation key and language, so they are the
same in every database that holds the same content, and the resolution of an id to its record.

A service or an organisation has one id per language record. An id names that record, whatever
language a request asks for: a client follows the ids it was given without knowing their
language. Locations, services at locations, phones, schedules and languages hang off their
service's id. The taxonomy of service kinds has no language of its own (see taxonomy.py)."""

import uuid

from services.models import Organisation, Service

NAMESPACE = uuid.UUID("5d0b4f5e-5a3c-4b8e-9f3a-2c1d7e6b9a40")


def hsds_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def record_id(kind: str, translation_key, language_code: str) -> str:
    return hsds_id(kind, translation_key, language_code)


def service_id(service: Service) -> str:
    return record_id("service", service.translation_key, service.locale.language_code)


def organisation_id(organisation: Organisation) -> str:
    return record_id(
        "organization", organisation.translation_key, organisation.locale.language_code
    )


def location_id(sid: str) -> str:
    """A service's one location (its address), as the service's id names it."""
    return hsds_id(sid, "location")


def service_at_location_id(sid: str) -> str:
    return hsds_id(sid, "service_at_location")


def resolve(kind: str, wanted, rows) -> int | None:
    """The pk among `rows` (pk, translation_key, language code) whose id of `kind` is `wanted`."""
    wanted = str(wanted)
    return next((pk for pk, key, code in rows if record_id(kind, key, code) == wanted), None)


def id_rows(queryset):
    return queryset.values_list("pk", "translation_key", "locale__language_code")
