"""The open-state wording across weekdays, lunch breaks, weekends, DST, 24/7 and appointments,
in each language's way of writing times and weekdays."""

from datetime import UTC, datetime, time

import pytest
from django.utils import translation

from services.hours import BRUSSELS, Period
from services.open_state import open_state

WEEKDAYS_9_TO_5 = [Period(day, time(9), time(17)) for day in range(5)]
WITH_LUNCH = [
    Period(day, opens, closes)
    for day in range(5)
    for opens, closes in ((time(9), time(12, 30)), (time(13, 30), time(17)))
]


def brussels(*args):
    return datetime(*args, tzinfo=BRUSSELS)


def say(periods, at, mode="weekly", status="active", language="en"):
    with translation.override(language):
        return str(open_state(mode, status, "Temporarily closed", periods, at))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (brussels(2026, 12, 1, 8, 0), "Closed now · opens today at 09:00"),  # Tuesday morning
        (brussels(2026, 12, 1, 10, 0), "Open now · closes at 12:30"),
        (brussels(2026, 12, 1, 12, 30), "Closed now · opens today at 13:30"),  # lunch break
        (brussels(2026, 12, 1, 13, 30), "Open now · closes at 17:00"),
        (brussels(2026, 12, 1, 17, 0), "Closed now · opens Wednesday at 09:00"),
        (brussels(2026, 12, 4, 18, 0), "Closed now · opens Monday at 09:00"),  # Friday evening
        (brussels(2026, 12, 5, 11, 0), "Closed now · opens Monday at 09:00"),  # Saturday
        (brussels(2026, 12, 6, 23, 59), "Closed now · opens Monday at 09:00"),  # Sunday night
    ],
)
def test_weekdays_lunch_breaks_and_weekends(moment, expected):
    assert say(WITH_LUNCH, moment) == expected


@pytest.mark.parametrize(
    ("utc_moment", "expected"),
    [
        # Summer time ends on Sunday 25 October 2026 (03:00 becomes 02:00).
        (datetime(2026, 10, 24, 10, 0, tzinfo=UTC), "Closed now · opens Monday at 09:00"),
        (datetime(2026, 10, 26, 7, 59, tzinfo=UTC), "Closed now · opens today at 09:00"),
        (datetime(2026, 10, 26, 8, 0, tzinfo=UTC), "Open now · closes at 17:00"),  # 09:00, UTC+1
        # Summer time starts on Sunday 28 March 2027 (02:00 becomes 03:00).
        (datetime(2027, 3, 28, 1, 30, tzinfo=UTC), "Closed now · opens Monday at 09:00"),
        (datetime(2027, 3, 29, 6, 59, tzinfo=UTC), "Closed now · opens today at 09:00"),
        (datetime(2027, 3, 29, 7, 0, tzinfo=UTC), "Open now · closes at 17:00"),  # 09:00, UTC+2
    ],
)
def test_daylight_saving_changes_keep_brussels_wall_clock_times(utc_moment, expected):
    assert say(WEEKDAYS_9_TO_5, utc_moment) == expected


@pytest.mark.parametrize(
    ("language", "open_text", "closed_text"),
    [
        ("en", "Open now · closes at 17:00", "Closed now · opens Monday at 09:00"),
        (
            "fr",
            "Ouvert en ce moment · ferme à 17\xa0h\xa000",
            "Fermé en ce moment · ouvre lundi à 9\xa0h\xa000",
        ),
        ("nl", "Nu open · sluit om 17.00\xa0uur", "Nu gesloten · opent maandag om 9.00\xa0uur"),
    ],
)
def test_each_language_writes_times_and_weekdays_its_own_way(language, open_text, closed_text):
    assert say(WEEKDAYS_9_TO_5, brussels(2026, 12, 1, 15, 0), language=language) == open_text
    assert say(WEEKDAYS_9_TO_5, brussels(2026, 12, 5, 15, 0), language=language) == closed_text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Closed now · opens today at 13:30"),
        ("fr", "Fermé en ce moment · ouvre aujourd’hui à 13\xa0h\xa030"),
        ("nl", "Nu gesloten · opent vandaag om 13.30\xa0uur"),
    ],
)
def test_the_lunch_break_in_each_language(language, expected):
    assert say(WITH_LUNCH, brussels(2026, 12, 1, 13, 0), language=language) == expected


def test_an_open_period_ending_as_the_next_begins_is_no_change():
    back_to_back = [Period(0, time(9), time(12)), Period(0, time(12), time(17))]
    assert say(back_to_back, brussels(2026, 11, 30, 11, 0)) == "Open now · closes at 17:00"


def test_a_service_closed_all_week_says_only_closed():
    assert say([], brussels(2026, 12, 1, 10, 0)) == "Closed now"


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_always_open_and_by_appointment_name_no_time(language):
    moment = brussels(2026, 12, 6, 3, 0)
    expected = {
        "en": ("Open 24/7", "By appointment"),
        "fr": ("Ouvert 24 h/24, 7 j/7", "Sur rendez-vous"),
        "nl": ("24/7 open", "Op afspraak"),
    }[language]
    assert say([], moment, mode="always", language=language) == expected[0]
    assert say([], moment, mode="appointment", language=language) == expected[1]


def test_hours_not_specified_say_nothing():
    assert open_state("unknown", "active", "", [], brussels(2026, 12, 1, 10, 0)) is None


def test_a_closed_service_says_so_whatever_its_hours():
    state = open_state(
        "always", "temporarily_closed", "Temporarily closed", [], brussels(2026, 12, 1, 10, 0)
    )
    assert (state.is_open, str(state)) == (False, "Temporarily closed")
