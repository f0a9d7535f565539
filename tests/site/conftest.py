"""Fixtures of the site tests."""

from datetime import time

import pytest
from wagtail.models import Locale

from services.models import OpeningPeriod


@pytest.fixture
def helpline_with_hours(service):
    """1712 with opening hours every day: the site shows "Open now" or "Closed now" for it."""
    helpline = service("helpline-1712")
    helpline.hours_mode = "weekly"
    helpline.hours = [OpeningPeriod(weekday=d, opens=time(9), closes=time(17)) for d in range(7)]
    for channel in helpline.channels.all():
        channel.availability = "opening_hours"
        channel.save()
    helpline.save_revision().publish()
    for language in ("fr", "nl"):
        translated = helpline.get_translation(Locale.objects.get(language_code=language))
        translated.hours_mode = "weekly"
        translated.save_revision().publish()
    return helpline
