"""Template tags for moving between the languages of a page."""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page

from knowledge.visibility import visible_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page=None):
    """Each site language with the URL of this page in it (None when it is not published), its
    absolute URL for `hreflang` alternates, and which one is the `x-default`.

    A view's own page in each language (`alternate_paths`) comes before the page's translations;
    without either (an error page) the language's home is offered, with no alternate, so a link
    never leads to different content unannounced."""
    request = context.get("request")
    urls = context.get("alternate_paths")  # a view's own page (or a page's view) per language
    if urls is None and isinstance(page, Page):
        translations = visible_pages(page.get_translations(inclusive=True))
        urls = {
            translation.locale.language_code: translation.get_url(request)
            for translation in translations.select_related("locale")
        }
    languages = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": urls.get(code) if urls is not None else f"/{code}/",
            "full_url": request.build_absolute_uri(urls[code]) if urls and code in urls else None,
            "current": code == context.get("LANGUAGE_CODE"),
            "x_default": False,
        }
        for code, _ in settings.LANGUAGES
    ]
    # x-default: where "/" sends a browser that asks for none of the languages, else the source.
    with_alternate = {language["code"]: language for language in languages if language["full_url"]}
    for code in (settings.VISITOR_DEFAULT_LANGUAGE, settings.LANGUAGE_CODE):
        if code in with_alternate:
            with_alternate[code]["x_default"] = True
            break
    return languages
