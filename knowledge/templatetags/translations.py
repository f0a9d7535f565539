"""Template tags for moving between the languages of a page."""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page

from knowledge.visibility import visible_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    """Each site language with the URL of this page in it, or None when it is not published.

    Without a page (or for a language with no translation) the language's home is offered only
    when the page itself is missing, so a link never leads to different content unannounced."""
    if not isinstance(page, Page):
        page = None  # e.g. an error page
    request = context.get("request")
    current = context.get("LANGUAGE_CODE")
    urls = {}
    if page is not None:
        translations = visible_pages(page.get_translations(inclusive=True))
        for translation in translations.select_related("locale"):
            url = translation.get_url(request)
            urls[translation.locale.language_code] = (url, request.build_absolute_uri(url))
    alternates = context.get("alternate_paths") or {}  # a view's own page in each language
    languages = []
    for code, _ in settings.LANGUAGES:
        url, full_url = (
            urls.get(code, (None, None))
            if page is not None
            else (alternates.get(code, f"/{code}/"), None)
        )
        languages.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "full_url": full_url,
                "current": code == current,
            }
        )
    return languages
