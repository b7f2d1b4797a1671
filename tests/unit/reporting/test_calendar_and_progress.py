"""Dates the rules depend on, and the command line's progress bar."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest

from services.reporting.domain.calendar import (
    add_months,
    end_of_day,
    month_end_instant,
    month_key,
    months_between,
    working_days_between,
)
from services.reporting.progress import ProgressBar, bar


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2025, 3, 15), 1, date(2025, 4, 15)),
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2025, 12, 10), 1, date(2026, 1, 10)),
    (date(2025, 3, 31), -1, date(2025, 2, 28)),
    (date(2025, 5, 5), 36, date(2028, 5, 5)),
])
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_a_cut_off_day_ends_at_midnight_in_brussels() -> None:
    assert end_of_day(date(2026, 2, 28)) == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)  # winter: UTC+1
    assert end_of_day(date(2025, 7, 10)) == datetime(2025, 7, 10, 22, 0, tzinfo=UTC)  # summer: UTC+2


def test_months() -> None:
    assert month_key(datetime(2025, 1, 31, 23, 30, tzinfo=UTC)) == "2025-02", "already February in Brussels"
    assert months_between("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert month_end_instant("2025-03") == datetime(2025, 3, 31, 22, 0, tzinfo=UTC)


@pytest.mark.parametrize(("start", "end", "flemish", "expected"), [
    (date(2025, 4, 18), date(2025, 4, 22), True, 1),  # Easter Monday in between
    (date(2025, 7, 10), date(2025, 7, 14), True, 1),  # 11 July, Flemish holiday, then the weekend
    (date(2025, 7, 10), date(2025, 7, 14), False, 2),
    (date(2025, 12, 24), date(2025, 12, 29), True, 2),  # Christmas
    (date(2025, 3, 3), date(2025, 3, 3), True, 0),
])
def test_working_days(start: date, end: date, flemish: bool, expected: int) -> None:
    assert working_days_between(start, end, flemish_holiday=flemish) == expected


def test_progress_bar() -> None:
    assert bar(0, 10, 10) == "[..........]   0%"
    assert bar(5, 10, 10) == "[#####.....]  50%"
    assert bar(12, 10, 10) == "[##########] 100%"
    assert bar(0, 0, 10) == "[##########] 100%"
    stream = io.StringIO()
    progress = ProgressBar("Heropbouw", stream)
    for done in range(0, 101, 5):
        progress(done, 100)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 11, "a log file gets one line per tenth"
    assert lines[-1].startswith("Heropbouw [##############################] 100%  100/100 events")
