"""Opening-hours arithmetic in Brussels time, kept apart from the models so it is easy to test."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Period:
    """One opening period on one weekday (0 = Monday), local Brussels wall-clock time."""

    weekday: int
    opens: time
    closes: time


def open_at(mode: str, active: bool, periods: Iterable[Period], at: datetime) -> bool | None:
    """Open, closed, or None when the hours say nothing (by appointment, not specified).

    `mode` is a service's hours mode: "always" (24/7), "weekly" (the periods), or other."""
    if not active:
        return False
    if mode == "always":
        return True
    if mode == "weekly":
        return is_open(periods, at)
    return None


def is_open(periods: Iterable[Period], at: datetime) -> bool:
    """Whether any period covers the instant `at` (an aware datetime), read in Brussels time."""
    local = at.astimezone(BRUSSELS)
    now = local.time().replace(tzinfo=None)
    return any(p.weekday == local.weekday() and p.opens <= now < p.closes for p in periods)


@dataclass(frozen=True)
class DayRange:
    """Consecutive weekdays with the same periods, e.g. Monday to Friday 9:00-12:30, 13:00-17:00."""

    first: int
    last: int
    spans: tuple[tuple[time, time], ...]


def group_days(periods: Iterable[Period]) -> list[DayRange]:
    """Group weekdays with identical opening periods into ranges of consecutive days."""
    by_day: dict[int, list[tuple[time, time]]] = {}
    for p in sorted(periods, key=lambda p: (p.weekday, p.opens)):
        by_day.setdefault(p.weekday, []).append((p.opens, p.closes))
    ranges: list[DayRange] = []
    for day in sorted(by_day):
        spans = tuple(by_day[day])
        previous = ranges[-1] if ranges else None
        if previous and previous.last == day - 1 and previous.spans == spans:
            ranges[-1] = DayRange(previous.first, day, spans)
        else:
            ranges.append(DayRange(day, day, spans))
    return ranges


def next_transition(periods: Iterable[Period], at: datetime) -> datetime | None:
    """The next instant within a week at which a period opens or closes, or None."""
    local = at.astimezone(BRUSSELS)
    candidates = []
    for p in periods:
        for boundary in (p.opens, p.closes):
            days_ahead = (p.weekday - local.weekday()) % 7
            for extra in (0, 7):
                day = local.date() + timedelta(days=days_ahead + extra)
                moment = datetime.combine(day, boundary, tzinfo=BRUSSELS)
                if moment > local:
                    candidates.append(moment)
                    break
    return min(candidates, default=None)
