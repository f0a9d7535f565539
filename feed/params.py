"""Strict query parameters: unknown, malformed or absurd values are a 400 that says why."""

from django.conf import settings
from django.core.cache import cache
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from wagtail.models import Locale

from core.languages import content_languages, preferred_language

MAX_VALUE_LENGTH = 200
ALWAYS_ALLOWED = {"format"}


def check_raw_params(request, allowed: set[str]) -> None:
    """Refuse unknown parameters, repeated ones, blank ones, NUL bytes and over-long values."""
    errors = {}
    for name in request.query_params:
        values = request.query_params.getlist(name)
        if name not in allowed | ALWAYS_ALLOWED:
            errors[name] = [f"Unknown parameter. Allowed: {', '.join(sorted(allowed))}."]
        elif len(values) > 1:
            errors[name] = ["Give this parameter once."]
        elif values[0] == "":  # not "absent", as forms have it: strict like every other value
            errors[name] = ["May not be blank: give a value, or leave the parameter out."]
        elif "\x00" in values[0]:
            errors[name] = ["NUL bytes are not allowed."]
        elif len(values[0]) > MAX_VALUE_LENGTH:
            errors[name] = [f"At most {MAX_VALUE_LENGTH} characters."]
    if errors:
        raise ValidationError(errors)


def negotiate_locale(request, requested: str | None) -> Locale:
    """`?locale=` wins; else the best language of Accept-Language; else the default language.
    An empty `?locale=` is an unknown locale, as everywhere in the feed (not "no locale")."""
    if requested is not None:
        if requested not in content_languages():
            raise ValidationError(
                {"locale": [f"Unknown locale. Use one of: {', '.join(content_languages())}."]}
            )
        return locales()[requested]
    preferred = preferred_language(request.headers.get("Accept-Language", ""))
    return locales()[preferred or settings.LANGUAGE_CODE]


def locales() -> dict[str, Locale]:
    """Locales by language code; they change with a deployment, so a short cache is safe."""
    return cache.get_or_set(
        "feed:locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()}, 300
    )


class PageParams(serializers.Serializer):
    page = serializers.IntegerField(
        min_value=1, max_value=100_000, default=1, help_text="The page, from 1."
    )
    page_size = serializers.IntegerField(
        min_value=1, max_value=100, default=20, help_text="Items per page."
    )
