"""Working-day arithmetic across Belgian public holidays, 11 July by desk policy, and weekends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.notifications.domain.calendar import WorkingCalendar

FLEMISH = WorkingCalendar(count_flemish_holiday=True)
NATIONAL_ONLY = WorkingCalendar(count_flemish_holiday=False)


@pytest.mark.parametrize(("start", "days", "flemish", "expected", "why"), [
    (date(2025, 4, 17), 1, True, date(2025, 4, 18), "Good Friday is a working day in Belgium"),
    (date(2025, 4, 18), 1, True, date(2025, 4, 22), "weekend, then Easter Monday 21 April"),
    (date(2025, 4, 17), 5, True, date(2025, 4, 25), "five working days around Easter"),
    (date(2025, 4, 19), 1, True, date(2025, 4, 22), "a Saturday start counts from Tuesday after Easter"),
    (date(2024, 3, 28), 2, True, date(2024, 4, 2), "Easter Monday 1 April 2024"),
    (date(2025, 5, 28), 1, True, date(2025, 5, 30), "Ascension Thursday 29 May; the Friday after works"),
    (date(2026, 5, 13), 1, True, date(2026, 5, 15), "Ascension 14 May 2026"),
    (date(2025, 6, 6), 1, True, date(2025, 6, 10), "Whit Monday 9 June 2025"),
    (date(2026, 5, 22), 1, True, date(2026, 5, 26), "Whit Monday 25 May 2026"),
    (date(2025, 7, 10), 1, True, date(2025, 7, 14), "11 July counted as a holiday by the desk"),
    (date(2025, 7, 10), 1, False, date(2025, 7, 11), "11 July a working day for this desk"),
    (date(2025, 7, 10), 5, True, date(2025, 7, 18), "a week around 11 July (holiday)"),
    (date(2025, 7, 10), 5, False, date(2025, 7, 17), "a week around 11 July (working day)"),
    (date(2024, 7, 10), 1, True, date(2024, 7, 12), "11 July 2024 was a Thursday"),
    (date(2024, 7, 10), 1, False, date(2024, 7, 11), "11 July 2024 as a working day"),
    (date(2025, 7, 18), 1, True, date(2025, 7, 22), "21 July, national day"),
    (date(2025, 12, 31), 1, True, date(2026, 1, 2), "New Year's Day 2026 is a Thursday"),
    (date(2026, 12, 31), 1, True, date(2027, 1, 4), "New Year 2027 on a Friday, then the weekend"),
    (date(2025, 12, 24), 2, True, date(2025, 12, 29), "Christmas; 26 December is a working day"),
    (date(2025, 10, 31), 1, True, date(2025, 11, 3), "All Saints on a Saturday"),
    (date(2025, 11, 10), 1, True, date(2025, 11, 12), "Armistice 11 November"),
    (date(2025, 4, 17), 0, True, date(2025, 4, 17), "zero days is the same day"),
])
def test_adding_working_days(start: date, days: int, flemish: bool, expected: date, why: str) -> None:
    calendar = FLEMISH if flemish else NATIONAL_ONLY
    assert calendar.add(start, days) == expected, why


@pytest.mark.parametrize(("end", "days", "expected"), [
    (date(2025, 4, 22), 1, date(2025, 4, 18)),
    (date(2025, 7, 14), 1, date(2025, 7, 10)),
    (date(2026, 1, 2), 1, date(2025, 12, 31)),
    (date(2025, 6, 10), 2, date(2025, 6, 5)),
    (date(2025, 5, 30), 1, date(2025, 5, 28)),
    (date(2025, 4, 25), 0, date(2025, 4, 25)),
])
def test_subtracting_working_days(end: date, days: int, expected: date) -> None:
    assert FLEMISH.subtract(end, days) == expected


@pytest.mark.parametrize(("day", "flemish", "working"), [
    (date(2025, 4, 21), True, False), (date(2025, 5, 29), True, False), (date(2025, 6, 9), True, False),
    (date(2025, 7, 11), True, False), (date(2025, 7, 11), False, True), (date(2026, 1, 1), True, False),
    (date(2025, 7, 21), False, False), (date(2025, 8, 15), True, False), (date(2025, 12, 26), True, True),
    (date(2025, 4, 18), True, True), (date(2025, 4, 26), True, False),
])
def test_which_days_count(day: date, flemish: bool, working: bool) -> None:
    assert WorkingCalendar(flemish).is_working_day(day) is working


def test_holiday_names_come_from_the_maintained_library_and_the_desk_rule() -> None:
    assert FLEMISH.holiday_name(date(2025, 6, 9)) is not None
    assert FLEMISH.holiday_name(date(2025, 7, 11)) == "Day of the Flemish Community"
    assert NATIONAL_ONLY.holiday_name(date(2025, 7, 11)) is None


days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@given(start=days, count=st.integers(min_value=1, max_value=40), flemish=st.booleans())
def test_the_nth_working_day_is_a_working_day_exactly_n_working_days_later(
    start: date, count: int, flemish: bool,
) -> None:
    calendar = WorkingCalendar(flemish)
    end = calendar.add(start, count)
    assert calendar.is_working_day(end)
    assert calendar.between(start, end) == count
    assert calendar.between(start, end - timedelta(days=1)) == count - 1


@given(start=days, count=st.integers(min_value=0, max_value=40))
def test_subtract_undoes_add_from_a_working_day(start: date, count: int) -> None:
    working_start = FLEMISH.add(start, 1)
    assert FLEMISH.subtract(FLEMISH.add(working_start, count), count) == working_start
