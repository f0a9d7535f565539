"""Whether a service is open, and when that changes, in words: "Open now · closes at 17:00"."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from services.hours import BRUSSELS, Period, is_open


@dataclass(frozen=True)
class OpenState:
    """What a card says about opening: a short state (a tag) and, if known, when it changes.

    `is_open` is True, False, or None when the hours make no claim (24/7 is True); `live`
    when it depends on the time of day (stale on paper); `colour` is the GOV.UK tag variant."""

    is_open: bool | None
    state: str
    change: str = ""
    colour: str = "grey"
    live: bool = False

    def __str__(self):
        return f"{self.state} · {self.change}" if self.change else self.state


def clock(moment: time) -> str:
    """A time of day as the current language writes it: 17:00, 17 h 00, 17.00 uur."""
    return pgettext("time of day", "%(hour)02d:%(minute)02d") % {
        "hour": moment.hour,
        "minute": moment.minute,
    }


def next_change(periods: list[Period], local: datetime) -> datetime | None:
    """The first opening or closing time after `local` at which the state really changes (a
    period ending when the next begins is no change), within a week; None if it never does."""
    now_open = is_open(periods, local)
    moments = sorted(
        datetime.combine(local.date() + timedelta(days=days), boundary, tzinfo=BRUSSELS)
        for days in range(8)
        for p in periods
        if p.weekday == (local.weekday() + days) % 7
        for boundary in (p.opens, p.closes)
    )
    return next((m for m in moments if m > local and is_open(periods, m) != now_open), None)


def change_text(opening: bool, at: datetime, change: datetime) -> str:
    """'opens today at 13:30', 'opens Monday at 09:00' or 'closes at 17:00'."""
    values = {"time": clock(change.time()), "day": WEEKDAYS[change.weekday()]}
    if not opening:  # periods end by 23:59 on their own day
        return _("closes at %(time)s") % values
    if change.date() == at.date():
        return _("opens today at %(time)s") % values
    return _("opens %(day)s at %(time)s") % values


def open_state(
    mode: str, status: str, status_label: str, periods: Iterable[Period], at: datetime
) -> OpenState | None:
    """The state of a service with hours `mode` ("weekly", "always", "appointment", "unknown")
    and `status` ("active" or not, shown as `status_label`) at the instant `at`, read in
    Brussels time; None when there is nothing to say (hours not specified)."""
    if status != "active":
        return OpenState(False, status_label, colour="red")
    if mode == "always":
        return OpenState(True, _("Open 24/7"), colour="green")
    if mode == "appointment":
        return OpenState(None, _("By appointment"), colour="blue")
    if mode != "weekly":
        return None
    periods = list(periods)
    local = at.astimezone(BRUSSELS)
    opened = is_open(periods, local)
    change = next_change(periods, local)
    text = change_text(not opened, local, change) if change else ""
    if opened:
        return OpenState(True, _("Open now"), text, colour="green", live=True)
    return OpenState(False, _("Closed now"), text, colour="red", live=True)
