"""What every feed response carries as data: licence, attribution, and the safety information
a partner page must show."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale

from services.safety import safety_lines


def safety_information(locale: Locale, now) -> dict:
    lines = safety_lines(locale) or safety_lines(Locale.get_default())
    with override(locale.language_code):
        guidance = _(
            "Show a quick-exit control on every page that shows this content: it must blank the "
            "page at once and leave for a neutral site, also when Shift is pressed three times. "
            "Tell readers that it does not erase their browser history."
        )
    return {
        "emergency_lines": [
            {
                "number": line.value,
                "href": line.href,
                "purpose": line.purpose,
                "label": line.label,
                "service": line.service.slug,
                "free": line.is_free,
                "available_24_7": line.availability == line.Availability.ALWAYS,
                "open_now": line.service.open_at(now),
            }
            for line in lines
        ],
        "quick_exit": {"required": True, "guidance": guidance},
    }


def feed_meta(locale: Locale, now=None) -> dict:
    now = now or timezone.now()
    return {
        "api_version": "1",
        "locale": locale.language_code,
        "attribution": settings.FEED_ATTRIBUTION,
        "licence": {"name": settings.FEED_LICENCE_NAME, "url": settings.FEED_LICENCE_URL},
        "safety": safety_information(locale, now),
    }
