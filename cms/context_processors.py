"""Template context every public page needs for visitors' safety."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale

from services.safety import safety_lines


def _lines_for_active_locale():
    lines = safety_lines(Locale.get_active())
    return lines or safety_lines(Locale.get_default())


def safety(request):
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "safety_lines": SimpleLazyObject(_lines_for_active_locale),
    }
