"""Strict query parameters: unknown, malformed or absurd values are a 400 that says why."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from wagtail.models import Locale

MAX_VALUE_LENGTH = 200
ALWAYS_ALLOWED = {"format"}


def check_raw_params(request, allowed: set[str]) -> None:
    """Refuse unknown parameters, repeated ones, NUL bytes and over-long values."""
    errors = {}
    for name in request.query_params:
        values = request.query_params.getlist(name)
        if name not in allowed | ALWAYS_ALLOWED:
            errors[name] = [f"Unknown parameter. Allowed: {', '.join(sorted(allowed))}."]
        elif len(values) > 1:
            errors[name] = ["Give this parameter once."]
        elif "\x00" in values[0]:
            errors[name] = ["NUL bytes are not allowed."]
        elif len(values[0]) > MAX_VALUE_LENGTH:
            errors[name] = [f"At most {MAX_VALUE_LENGTH} characters."]
    if errors:
        raise ValidationError(errors)


def content_languages() -> list[str]:
    return [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]


def negotiate_locale(request, requested: str | None) -> Locale:
    """`?locale=` wins; else the best language of Accept-Language; else the default language."""
    if requested:
        if requested not in content_languages():
            raise ValidationError(
                {"locale": [f"Unknown locale. Use one of: {', '.join(content_languages())}."]}
            )
        return locales()[requested]
    header = request.headers.get("Accept-Language", "")[:MAX_VALUE_LENGTH]
    for tag, _ in parse_accept_lang_header(header):
        code = tag.split("-")[0].lower()
        if code in content_languages():
            return locales()[code]
    return locales()[settings.LANGUAGE_CODE]


def locales() -> dict[str, Locale]:
    """Locales by language code; they change with a deployment, so a short cache is safe."""
    return cache.get_or_set(
        "feed:locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()}, 300
    )


class PageParams(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, max_value=100_000, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=20)
