"""'Open now' in Brussels time: weekdays, lunch breaks, weekends, 24/7, appointments and DST."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup

from services.hours import BRUSSELS
from services.models import Service


def brussels(*args):
    return datetime(*args, tzinfo=BRUSSELS)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (brussels(2026, 12, 1, 8, 59), False),  # Tuesday, before opening
        (brussels(2026, 12, 1, 9, 0), True),  # opening minute
        (brussels(2026, 12, 1, 12, 29), True),
        (brussels(2026, 12, 1, 12, 30), False),  # lunch break starts
        (brussels(2026, 12, 1, 12, 45), False),
        (brussels(2026, 12, 1, 13, 0), True),  # back from lunch
        (brussels(2026, 12, 1, 16, 59), True),
        (brussels(2026, 12, 1, 17, 0), False),  # closed at closing time
        (brussels(2026, 12, 5, 10, 0), False),  # Saturday
        (brussels(2026, 12, 6, 10, 0), False),  # Sunday
        (brussels(2026, 12, 7, 10, 0), True),  # Monday
    ],
)
def test_reception_with_lunch_break(service, moment, expected):
    assert service("caw-brussels-reception").open_at(moment) is expected


@pytest.mark.parametrize(
    ("utc_moment", "expected"),
    [
        # Summer time ends on Sunday 25 October 2026: Monday 26th is UTC+1.
        (datetime(2026, 10, 26, 7, 30, tzinfo=UTC), False),  # 08:30 in Brussels
        (datetime(2026, 10, 26, 8, 0, tzinfo=UTC), True),  # 09:00 in Brussels
        (datetime(2026, 10, 26, 15, 30, tzinfo=UTC), True),  # 16:30 in Brussels
        (datetime(2026, 10, 26, 16, 0, tzinfo=UTC), False),  # 17:00 in Brussels
        # Summer time starts on Sunday 28 March 2027: Monday 29th is UTC+2.
        (datetime(2027, 3, 29, 6, 30, tzinfo=UTC), False),  # 08:30 in Brussels
        (datetime(2027, 3, 29, 7, 0, tzinfo=UTC), True),  # 09:00 in Brussels
        (datetime(2027, 3, 29, 14, 59, tzinfo=UTC), True),  # 16:59 in Brussels
        (datetime(2027, 3, 29, 15, 0, tzinfo=UTC), False),  # 17:00 in Brussels
    ],
)
def test_opening_hours_follow_brussels_daylight_saving_time(service, utc_moment, expected):
    assert service("cpvcf").open_at(utc_moment) is expected


@pytest.mark.parametrize(
    "moment",
    [brussels(2026, 12, 5, 3, 0), brussels(2026, 12, 25, 23, 59), brussels(2027, 3, 28, 2, 30)],
)
def test_round_the_clock_lines_are_always_open(service, moment):
    assert service("domestic-violence-helpline").open_at(moment) is True
    assert service("emergency-112").open_at(moment) is True


def test_appointment_only_and_unknown_hours_make_no_claim(service):
    moment = brussels(2026, 12, 1, 10, 0)
    assert service("caw-victim-support-brussels").open_at(moment) is None
    assert service("helpline-1712").open_at(moment) is None


def test_a_closed_service_is_never_open(service):
    helpline = service("domestic-violence-helpline")
    helpline.status = Service.Status.TEMPORARILY_CLOSED
    assert helpline.open_at(brussels(2026, 12, 1, 10, 0)) is False


def test_hours_are_shown_as_day_ranges(client, section):
    soup = BeautifulSoup(client.get(section("B.2.2").url).content, "html.parser")
    hours = soup.select_one("#service-caw-brussels-reception .hours").get_text(" ", strip=True)
    assert hours == "Monday to Friday: 09:00–12:30, 13:00–17:00"
