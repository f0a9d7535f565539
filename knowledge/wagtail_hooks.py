"""Wagtail hooks of the knowledge base."""

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
