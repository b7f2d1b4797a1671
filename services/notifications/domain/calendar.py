"""Working days of a desk: weekends and Belgian public holidays do not count; 11 July by policy.

Why: the agreements between a desk and its providers count periods in working days ("binnen 5
werkdagen"), so a request sent on the Thursday before Easter is not overdue on Easter Monday.

The maintained ``holidays`` package gives Belgium's ten legal public holidays (New Year, Easter
Monday, 1 May, Ascension, Whit Monday, 21 July, 15 August, 1 and 11 November, Christmas). It does
not list 11 July, the Day of the Flemish Community: a day off for Flemish and local public services
(the desks are run by municipalities) but a normal working day in most private childcare. Each desk
decides with ``DeskPolicyChanged.count_flemish_holiday``; the default (True) is that 11 July is
*not* a working day, because the desk itself is closed and cannot follow up that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

FLEMISH_HOLIDAY = (7, 11)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> dict[date, str]:
    """Belgium's legal public holidays of *year* (Sundays included as the library lists them)."""
    return dict(holidays.country_holidays("BE", years=year).items())


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days count, for one desk policy."""

    count_flemish_holiday: bool = True

    def holiday_name(self, day: date) -> str | None:
        name = public_holidays(day.year).get(day)
        if name:
            return name
        if self.count_flemish_holiday and (day.month, day.day) == FLEMISH_HOLIDAY:
            return "Day of the Flemish Community"
        return None

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def add(self, start: date, days: int) -> date:
        """The *days*-th working day after *start* (start itself never counts); start if days=0."""
        if days < 0:
            return self.subtract(start, -days)
        current = start
        counted = 0
        while counted < days:
            current += timedelta(days=1)
            if self.is_working_day(current):
                counted += 1
        return current

    def subtract(self, end: date, days: int) -> date:
        """The *days*-th working day before *end*; end itself if days=0."""
        current = end
        counted = 0
        while counted < days:
            current -= timedelta(days=1)
            if self.is_working_day(current):
                counted += 1
        return current

    def between(self, start: date, end: date) -> int:
        """Working days after *start* up to and including *end* (0 when end <= start)."""
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count
