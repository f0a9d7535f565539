"""Opening-hours arithmetic in Brussels time, kept apart from the models so it is easy to test."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Period:
    """One opening period on one weekday (0 = Monday), local Brussels wall-clock time."""

    weekday: int
    opens: time
    closes: time


def is_open(periods: Iterable[Period], at: datetime) -> bool:
    """Whether any period covers the instant `at` (an aware datetime), read in Brussels time."""
    local = at.astimezone(BRUSSELS)
    now = local.time().replace(tzinfo=None)
    return any(p.weekday == local.weekday() and p.opens <= now < p.closes for p in periods)
