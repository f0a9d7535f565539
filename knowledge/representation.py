"""A guidance section as partners receive it: identity, place in the sheet, structured body."""

from wagtail.models import Page

from core.links import api_url, public_url
from core.translations.links import translation_links
from knowledge.models import FactSheetPage, SectionPage
from knowledge.visibility import visible_pages


def public_sections():
    """Sections that may be shown (knowledge/visibility.py)."""
    return visible_pages(SectionPage.objects.all()).select_related("locale")


def public_fact_sheets():
    """Fact sheets that may be shown (knowledge/visibility.py)."""
    return visible_pages(FactSheetPage.objects.all()).select_related("locale")


def section_link(page: SectionPage, request) -> dict:
    return {
        "id": page.pk,
        "number": page.number,
        "title": page.title,
        "url": public_url(page, request),
        "api_url": api_url(request, "api:section-detail", page.pk),
    }


def section_representation(page: SectionPage, request, translations: list[dict]) -> dict:
    ancestors = list(visible_pages(Page.objects.ancestor_of(page).filter(depth__gt=1)).specific())
    sheet = next((a for a in ancestors if isinstance(a, FactSheetPage)), None)
    crumbs = [section_link(a, request) for a in ancestors if isinstance(a, SectionPage)]
    children = visible_pages(page.get_children()).specific()
    return {
        "id": page.pk,
        "type": "section",
        "number": page.number,
        "part": page.number.split(".")[0],
        "title": page.title,
        "summary": page.summary,
        "search_terms": page.search_terms,
        "locale": page.locale.language_code,
        "translation_key": str(page.translation_key),
        "fact_sheet": sheet
        and {"slug": sheet.slug, "title": sheet.title, "url": public_url(sheet, request)},
        "url": public_url(page, request),
        "api_url": api_url(request, "api:section-detail", page.pk),
        "translations": translations,
        "breadcrumb": crumbs,
        "parent": crumbs[-1] if crumbs else None,
        "children": [section_link(child, request) for child in children],
        "topics": [topic.topic for topic in page.topics.all()],
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "review": {
            "last_reviewed_on": page.last_reviewed_on,
            "next_review_due": page.next_review_due,
        },
        "body": page.body.stream_block.get_api_representation(page.body, {"request": request}),
    }


def section_document(page: SectionPage, request) -> dict:
    """A section as the feed serves it: its representation and its public translations."""
    others = public_sections().filter(translation_key=page.translation_key).exclude(pk=page.pk)
    links = translation_links(
        page, request, "api:section-detail", others.order_by("locale__language_code")
    )
    return section_representation(page, request, links)


def fact_sheet_document(sheet: FactSheetPage, request) -> dict:
    """A fact sheet as the feed serves it: its preface, and its contents in reading order."""
    others = (
        public_fact_sheets()
        .filter(translation_key=sheet.translation_key)
        .exclude(pk=sheet.pk)
        .order_by("locale__language_code")
    )
    return {
        "id": sheet.pk,
        "type": "fact_sheet",
        "slug": sheet.slug,
        "title": sheet.title,
        "subtitle": sheet.subtitle,
        "summary": sheet.summary,
        "locale": sheet.locale.language_code,
        "translation_key": str(sheet.translation_key),
        "url": public_url(sheet, request),
        "api_url": api_url(request, "api:fact-sheet-detail", sheet.pk),
        "translations": translation_links(sheet, request, "api:fact-sheet-detail", others),
        "preface": sheet.preface.stream_block.get_api_representation(
            sheet.preface, {"request": request}
        ),
        "contents": [
            {**section_link(section, request), "level": section.depth - sheet.depth}
            for section in sheet.sections()
        ],
        "first_published_at": sheet.first_published_at,
        "last_published_at": sheet.last_published_at,
    }
