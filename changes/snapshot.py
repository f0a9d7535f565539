"""The public document of every item, built as the feed serves it, once for every host."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.http import HttpRequest
from django.utils.translation import override
from rest_framework.utils.encoders import JSONEncoder

from changes.models import ChangeEvent
from knowledge.representation import (
    fact_sheet_document,
    public_fact_sheets,
    public_sections,
    section_document,
)
from knowledge.visibility import next_page_expiry
from services.representation import public_services, service_document, with_open_now
from services.visibility import next_service_expiry

ORIGIN_HOST = "origin.ipv-kb.invalid"
ORIGIN = f"http://{ORIGIN_HOST}"  # replaced by the caller's scheme and host when served

Type = ChangeEvent.ObjectType


class DocumentRequest(HttpRequest):
    """A request from no host in particular: documents are built once, with their URLs under
    ORIGIN, and serve every host the site answers to."""

    scheme = "http"

    def __init__(self):
        super().__init__()
        self.path = "/"
        self.META = {"SERVER_NAME": ORIGIN_HOST, "SERVER_PORT": "80"}

    def get_host(self):
        return ORIGIN_HOST


@dataclass(frozen=True)
class Entry:
    """One public item's document and what the feed's lists sort and filter it by."""

    object_type: str
    object_id: int
    locale: str
    translation_key: str
    identifier: str
    position: str
    facets: dict
    document: str
    digest: str


@dataclass(frozen=True)
class Kind:
    object_type: str
    items: Callable  # () -> the public items, with what their documents need
    build: Callable  # (item, request) -> document
    identifier: Callable
    position: Callable
    facets: Callable  # (document) -> dict


def section_facets(document: dict) -> dict:
    sheet = document["fact_sheet"]
    return {
        "fact_sheet": sheet and sheet["slug"],
        "part": document["part"],
        "parent": document["number"].rpartition(".")[0],
        "number": document["number"],
        "topics": document["topics"],
    }


def service_facets(document: dict) -> dict:
    return {
        "languages": [language["code"] for language in document["languages"]],
        "kind": document["kind"],
        "audience": document["audience"],
    }


KINDS = [
    Kind(
        Type.SECTION,
        lambda: public_sections().prefetch_related("topics"),
        section_document,
        lambda page: page.number,
        lambda page: page.path,
        section_facets,
    ),
    Kind(
        Type.SERVICE,
        public_services,
        service_document,
        lambda service: service.slug,
        lambda service: service.slug,
        service_facets,
    ),
    Kind(
        Type.FACT_SHEET,
        public_fact_sheets,
        fact_sheet_document,
        lambda sheet: sheet.slug,
        lambda sheet: sheet.path,
        lambda document: {},
    ),
]


def next_expiry(now: datetime | None = None) -> datetime | None:
    """The next moment a public item expires, and with it its document (or another's: an
    expiring page takes its descendants along)."""
    moments = (next_page_expiry(now), next_service_expiry(now))
    return min((m for m in moments if m), default=None)


def as_counter(moment: datetime | None) -> int:
    """A moment as a counter value (microseconds since the epoch; 0 for none)."""
    return 0 if moment is None else round(moment.timestamp() * 1_000_000)


def from_counter(value: int) -> datetime | None:
    return datetime.fromtimestamp(value / 1_000_000, tz=UTC) if value else None


def serialise(document: dict) -> str:
    """Compact JSON, dates as the feed writes them."""
    return json.dumps(document, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))


def current_entries() -> dict[tuple[str, int], Entry]:
    """Every public item's document as the content stands now."""
    request = DocumentRequest()
    entries = {}
    for kind in KINDS:
        for item in kind.items():
            with override(item.locale.language_code):
                document = with_open_now(kind.build(item, request), {})
            text = serialise(document)
            entries[(kind.object_type, item.pk)] = Entry(
                object_type=kind.object_type,
                object_id=item.pk,
                locale=item.locale.language_code,
                translation_key=str(item.translation_key),
                identifier=kind.identifier(item),
                position=kind.position(item),
                facets=kind.facets(document),
                document=text,
                digest=hashlib.sha256(text.encode()).hexdigest(),
            )
    return entries
