"""What the search index holds: one flat document per published section or service, built from
the same representations the partner feed serves (so search never reads block internals)."""

import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import override

from knowledge.models import SectionPage, ServiceDirectoryPage
from knowledge.representation import public_sections, section_representation
from knowledge.visibility import visible_pages
from services.models import Service
from services.representation import public_services, service_representation

# Keys of the feed's JSON that carry identifiers or machine values, not words people search for.
NOT_TEXT = {
    "id", "type", "url", "api_url", "href", "locale", "translation_key", "slug", "display",
    "kind", "status", "weekday", "opens", "closes", "time_zone", "mode", "open_now", "free",
    "anonymous", "availability", "confidential", "code", "on", "last_published_at",
    "first_published_at", "purpose", "website",
}  # fmt: skip
# Passages for matching on meaning: short enough for the model to keep each one's sense.
PASSAGE_WORDS = 60
SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


@dataclass(frozen=True)
class SearchDocument:
    """A section or service as the engines index it; `url` is a path on the public site."""

    type: str  # "section" or "service"
    object_id: int
    locale: str
    title: str
    url: str
    number: str = ""
    slug: str = ""
    part: str = ""
    topics: tuple[str, ...] = ()
    headings: str = ""
    context: str = ""  # titles of the sections it sits in: B.1.1 is about interviews too
    body: str = ""
    summary: str = ""
    search_terms: str = ""  # the words people use for what it answers, written by editors
    passages: tuple[str, ...] = ()  # its text in short passages, each led by its title

    @property
    def key(self) -> str:
        return f"{self.type}:{self.object_id}"


def plain(value) -> str:
    """Text of a feed value: HTML stripped, identifiers and URLs left out."""
    if isinstance(value, str):
        return html.unescape(strip_tags(value))
    if isinstance(value, dict):
        return " ".join(plain(v) for k, v in value.items() if k not in NOT_TEXT and v)
    if isinstance(value, list):
        return " ".join(plain(v) for v in value)
    return ""


def chunks(text: str, size: int = PASSAGE_WORDS) -> list[str]:
    """The text in runs of whole sentences of at most `size` words (a longer sentence is cut)."""
    runs, current = [], []
    for sentence in SENTENCE_END.split(text.strip()):
        sentence_words = sentence.split()
        while len(sentence_words) > size:
            runs.append(" ".join(sentence_words[:size]))
            sentence_words = sentence_words[size:]
        if current and len(current) + len(sentence_words) > size:
            runs.append(" ".join(current))
            current = []
        current += sentence_words
    if current:
        runs.append(" ".join(current))
    return runs


def passages(title: str, texts: list[str]) -> tuple[str, ...]:
    """Each text in short passages, each led by the title so it keeps its subject."""
    found = [f"{title}: {run}" for text in texts if text for run in chunks(plain(text))]
    return tuple(dict.fromkeys([title, *found]))


def section_document(page: SectionPage) -> SearchDocument:
    with override(page.locale.language_code):
        data = section_representation(page, None, [])
    blocks = data["body"]
    headings = [b["value"] for b in blocks if b["type"] == "heading"]
    headings += [b["value"].get("title", "") for b in blocks if b["type"] == "callout"]
    return SearchDocument(
        type="section",
        object_id=page.pk,
        locale=data["locale"],
        title=data["title"],
        url=data["url"],
        number=data["number"],
        part=data["part"],
        topics=tuple(data["topics"]),
        headings=" ".join(headings),
        context=" ".join(crumb["title"] for crumb in data["breadcrumb"]),
        body=" ".join(plain(b["value"]) for b in blocks if b["type"] != "heading"),
        summary=data["summary"],
        search_terms=data["search_terms"],
        passages=passages(
            data["title"],
            [data["summary"], data["search_terms"], *(plain(b["value"]) for b in blocks)],
        ),
    )


def service_url(service: Service) -> str:
    directory = visible_pages(ServiceDirectoryPage.objects.filter(locale=service.locale)).first()
    return f"{directory.get_url()}#service-{service.slug}" if directory else ""


def service_document(service: Service) -> SearchDocument:
    with override(service.locale.language_code):
        data = service_representation(service, None)
    organisation = data["organisation"] or {}
    names = (data["short_name"], organisation.get("name"), organisation.get("short_name"))
    texts = [data["offers_html"], data["audience"], data["referral_rule"], data["hours"]["note"]]
    texts += [plain(c) for c in data["channels"]]
    texts += [lang["note"] for lang in data["languages"]]
    if not data["address"]["confidential"]:
        texts.append(plain(data["address"]))
    return SearchDocument(
        type="service",
        object_id=service.pk,
        locale=data["locale"],
        title=data["name"],
        url=service_url(service),
        slug=data["slug"],
        headings=" ".join(filter(None, names)),
        body=" ".join(plain(t) for t in texts if t),
        summary=data["description"],
        search_terms=data["search_terms"],
        passages=passages(
            data["name"],
            [
                data[k]
                for k in ("description", "search_terms", "offers_html", "audience", "referral_rule")
            ],
        ),
    )


def document_for(kind: str, object_id: int) -> SearchDocument | None:
    """The document of a section or service, or None when it must not be findable."""
    if kind == "section":
        page = public_sections().filter(pk=object_id).first()
        return section_document(page) if page else None
    service = public_services().filter(pk=object_id).first()
    return service_document(service) if service else None


def all_documents():
    """Every findable document, in every language."""
    for page in public_sections().order_by("path"):
        yield section_document(page)
    for service in public_services().order_by("pk"):
        yield service_document(service)
