"""The site's languages (from settings) and which of them a browser prefers."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation.trans_real import parse_accept_lang_header

MAX_HEADER_LENGTH = 500  # a longer Accept-Language header is cut, not parsed whole


def content_languages() -> list[str]:
    """Language codes of the content, source language first: en, fr, nl."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def preferred_language(accept_language: str) -> str | None:
    """The first content language in an Accept-Language header, by the browser's weights
    (fr-BE counts as fr), or None when it names none of them. Django's own parser reads the
    header, as Django's locale middleware does."""
    for tag, _weight in parse_accept_lang_header(accept_language[:MAX_HEADER_LENGTH]):
        code = tag.split("-")[0].lower()
        if code in content_languages():
            return code
    return None


def alternate_paths(request) -> dict[str, str]:
    """The path of the page a request asks for in each site language, its query string kept: a
    view's translated path (i18n_patterns), or the same path when it has no other."""
    path = request.get_full_path()
    return {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
