"""Wagtail hooks of the knowledge base."""

from django.contrib import messages
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail import hooks

from knowledge.visibility import is_published
from services.visibility import is_visible_service


@hooks.register("before_serve_page")
def serve_pages_only_under_their_own_language(page, request, serve_args, serve_kwargs):
    """/fr/... never shows an English page: when the French one is missing, say so (404)."""
    if page.locale.language_code != get_language():
        context = {"page": None, "untranslated_page": page, "request": request}
        return TemplateResponse(request, "knowledge/not_translated.html", context, status=404)
    return None


@hooks.register("before_serve_page")
def serve_only_published_pages(page, request, serve_args, serve_kwargs):
    """Wagtail serves a live page even when it has expired (until `publish_scheduled` runs) or
    sits under an unpublished or expired page: the rule says such a page is gone, so 404. View
    restrictions stay Wagtail's own check, which lets the people they name in."""
    if not is_published(page):
        raise Http404("This page is not published.")
    return None


def unavailable_services(page) -> list:
    """Services this section's body shows that the public cannot see (closed or unpublished)."""
    services = [
        block.value["service"]
        for block in getattr(page, "body", [])
        if block.block_type == "service" and block.value["service"] is not None
    ]
    localized = [service.localized for service in services]
    return [service for service in localized if not is_visible_service(service)]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_unavailable_services(request, page):
    """Publishing (or saving) a section that shows a closed or unpublished service: the public
    page leaves that service out, so tell the editor at once."""
    for service in unavailable_services(page.specific):
        if not service.live:
            state = "not published"
        elif service.status == service.Status.CLOSED:
            state = service.get_status_display()
        else:
            state = "expired"
        messages.warning(
            request,
            f"This section shows the service “{service.name}”, which is {state.lower()}: "
            "visitors will not see it. Choose another service or publish that record.",
        )
