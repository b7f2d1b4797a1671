"""Dates the report rules need: cut-offs, month arithmetic, Belgian working days (pure).

A cut-off is a calendar date in Belgium: everything that happened on that day (Brussels time)
counts, nothing after it.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

BRUSSELS = ZoneInfo("Europe/Brussels")


def default_cutoff(year: int) -> date:
    """Opgroeien asks for the status at the end of February of the following year."""
    following = year + 1
    return date(following, 2, calendar.monthrange(following, 2)[1])


def end_of_day(day: date) -> datetime:
    """The first instant (UTC) after *day* in Brussels: facts strictly before it count."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=BRUSSELS).astimezone(UTC)


def add_months(day: date, months: int) -> date:
    """Same day *months* later; the last day of the month when that day does not exist."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_key(day: date | datetime) -> str:
    if isinstance(day, datetime):
        day = day.astimezone(BRUSSELS).date()
    return f"{day.year:04d}-{day.month:02d}"


def month_start(key: str) -> date:
    year, month = key.split("-")
    return date(int(year), int(month), 1)


def month_end_instant(key: str) -> datetime:
    """The first instant after month *key* (Brussels time), in UTC."""
    start = month_start(key)
    return end_of_day(add_months(start, 1) - timedelta(days=1))


def months_between(first: str, last: str) -> list[str]:
    """Every month key from *first* to *last*, both included."""
    keys: list[str] = []
    current = month_start(first)
    end = month_start(last)
    while current <= end:
        keys.append(month_key(current))
        current = add_months(current, 1)
    return keys


@cache
def _belgian_holidays(year: int, flemish: bool) -> frozenset[date]:
    days = set(holidays.country_holidays("BE", years=year).keys())
    if flemish:
        days.add(date(year, 7, 11))  # Feest van de Vlaamse Gemeenschap
    return frozenset(days)


def is_working_day(day: date, *, flemish_holiday: bool = True) -> bool:
    return day.weekday() < 5 and day not in _belgian_holidays(day.year, flemish_holiday)


def working_days_between(start: date, end: date, *, flemish_holiday: bool = True) -> int:
    """Working days after *start* up to and including *end* (0 when end is not later)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, flemish_holiday=flemish_holiday):
            count += 1
    return count
