"""Links from an item to its translations, with each translation's status."""

from wagtail.models import Locale, Page

from core.links import api_url, public_url
from core.translations.status import translation_status


def translation_links(obj, request, api_name: str, public_translations) -> list[dict]:
    """`public_translations`: the other-language versions that may be shown."""
    source_locale = Locale.get_default()
    original = (
        obj if obj.locale_id == source_locale.pk else obj.get_translation_or_none(source_locale)
    )
    links = []
    for translation in public_translations:
        if translation.locale_id == source_locale.pk or original is None:
            status = "source"
        else:
            up_to_date = translation_status(original, translation.locale).up_to_date
            status = "up_to_date" if up_to_date else "out_of_date"
        links.append(
            {
                "locale": translation.locale.language_code,
                "url": public_url(translation, request) if isinstance(translation, Page) else None,
                "api_url": api_url(request, api_name, translation.pk),
                "status": status,
            }
        )
    return links
