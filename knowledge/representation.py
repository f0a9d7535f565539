"""A guidance section as partners receive it: identity, place in the sheet, structured body."""

from wagtail.models import Page

from knowledge.models import FactSheetPage, SectionPage
from services.representation import api_url


def public_url(page, request) -> str:
    """Absolute URL on the host the partner called (the public site and the feed share it)."""
    path = page.get_url(request)
    return request.build_absolute_uri(path) if request else path


def public_sections():
    """Sections that may be shown: published and not private."""
    return SectionPage.objects.live().public().select_related("locale")


def section_link(page: SectionPage, request) -> dict:
    return {
        "id": page.pk,
        "number": page.number,
        "title": page.title,
        "url": public_url(page, request),
        "api_url": api_url(request, "api:section-detail", page.pk),
    }


def section_representation(page: SectionPage, request, translations: list[dict]) -> dict:
    ancestors = list(Page.objects.ancestor_of(page).filter(depth__gt=1).live().public().specific())
    sheet = next((a for a in ancestors if isinstance(a, FactSheetPage)), None)
    crumbs = [section_link(a, request) for a in ancestors if isinstance(a, SectionPage)]
    children = page.get_children().live().public().specific()
    return {
        "id": page.pk,
        "type": "section",
        "number": page.number,
        "part": page.number.split(".")[0],
        "title": page.title,
        "summary": page.summary,
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
