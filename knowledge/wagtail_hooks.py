"""Wagtail hooks of the knowledge base."""

from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail import hooks


@hooks.register("before_serve_page")
def serve_pages_only_under_their_own_language(page, request, serve_args, serve_kwargs):
    """/fr/... never shows an English page: when the French one is missing, say so (404)."""
    if page.locale.language_code != get_language():
        context = {"page": None, "untranslated_page": page, "request": request}
        return TemplateResponse(request, "knowledge/not_translated.html", context, status=404)
    return None


def unavailable_services(page) -> list:
    """Services this section's body shows that the public cannot see (closed or unpublished)."""
    services = [
        block.value["service"]
        for block in getattr(page, "body", [])
        if block.block_type == "service" and block.value["service"] is not None
    ]
    localized = [service.localized for service in services]
    return [service for service in localized if not service.is_public]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_unavailable_services(request, page):
    """Publishing (or saving) a section that shows a closed or unpublished service: the public
    page leaves that service out, so tell the editor at once."""
    for service in unavailable_services(page.specific):
        state = service.get_status_display() if service.live else "not published"
        messages.warning(
            request,
            f"This section shows the service “{service.name}”, which is {state.lower()}: "
            "visitors will not see it. Choose another service or publish that record.",
        )
