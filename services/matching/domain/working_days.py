"""Working days in Belgium: no weekends, no public holidays, and 11 July when the desk counts it."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Belgium(years=year))


def is_working_day(day: date, *, flemish_holiday: bool = True) -> bool:
    if day.weekday() >= 5 or day in _public_holidays(day.year):
        return False
    return not (flemish_holiday and day.month == 7 and day.day == 11)


def add_working_days(start: date, days: int, *, flemish_holiday: bool = True) -> date:
    """The working day that is *days* working days after *start*."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, flemish_holiday=flemish_holiday):
            remaining -= 1
    return current
