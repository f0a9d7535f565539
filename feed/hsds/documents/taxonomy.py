"""The one taxonomy the service library holds: the kind of each service (`Service.kind`, which
editors choose from a fixed list). Its terms are that list, with the labels the admin shows;
the labels exist in English only, so the terms say `language: en` in every language's documents,
and their ids are the same in every language."""

from feed.hsds.ids import hsds_id
from services.models import Service

TAXONOMY_KEY = "service-kind"
TAXONOMY_ID = hsds_id("taxonomy", TAXONOMY_KEY)
TERM_LANGUAGE = "en"


def term_id(kind: str) -> str:
    return hsds_id("taxonomy_term", TAXONOMY_KEY, kind)


TERMS = {term_id(kind): kind for kind in Service.Kind.values}


def taxonomy_document() -> dict:
    return {
        "id": TAXONOMY_ID,
        "name": "Service kinds",
        "description": (
            "What kind of support a service in this library gives; each service has one kind."
        ),
    }


def term_document(kind: str) -> dict:
    label = Service.Kind(kind).label
    return {
        "id": term_id(kind),
        "code": kind,
        "name": label,
        "description": label,
        "taxonomy_id": TAXONOMY_ID,
        "taxonomy_detail": taxonomy_document(),
        "language": TERM_LANGUAGE,
    }


def kind_attribute(service: Service, sid: str) -> dict:
    """A service's kind, as the attribute that links it to its term."""
    return {
        "id": hsds_id(sid, "attribute", TAXONOMY_KEY),
        "link_id": sid,
        "link_entity": "service",
        "taxonomy_term_id": term_id(service.kind),
        "taxonomy_term": term_document(service.kind),
    }
