"""Follow-up rules: working days, a request's status from what happened to it, the worklist views.

Status is derived from facts with their event times, never from arrival order, so a PlaceAllocated
arriving after its AllocationCancelled gives the same answer as the other way round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import holidays

WORKLIST_VIEWS = ("all", "new", "urgent", "overdue", "escalated", "merged", "closed")


@cache
def _belgian_holidays(year: int, flemish: bool) -> frozenset[date]:
    days = set(holidays.country_holidays("BE", years=year))
    if flemish:
        days.add(date(year, 7, 11))  # Feest van de Vlaamse Gemeenschap
    return frozenset(days)


def is_working_day(day: date, *, flemish_holiday: bool = True) -> bool:
    return day.weekday() < 5 and day not in _belgian_holidays(day.year, flemish_holiday)


def add_working_days(start: date, days: int, *, flemish_holiday: bool = True) -> date:
    """The date *days* working days after *start* (weekends and Belgian public holidays skipped)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current, flemish_holiday=flemish_holiday):
            remaining -= 1
    return current


@dataclass(frozen=True)
class Allocation:
    allocated_at: datetime
    cancelled_at: datetime | None = None


def derive_status(*, withdrawn: bool, merged: bool, allocations: Iterable[Allocation],
                  reopened_at: datetime | None) -> str:
    """open | allocated | withdrawn | merged: the state as the facts say, whatever their order."""
    if merged:
        return "merged"
    if withdrawn:
        return "withdrawn"
    for allocation in allocations:
        cancelled = allocation.cancelled_at is not None and allocation.cancelled_at >= allocation.allocated_at
        reopened = reopened_at is not None and reopened_at >= allocation.allocated_at
        if not cancelled and not reopened:
            return "allocated"
    return "open"


def answer_due(registered: date, provider_response_days: int, *, flemish_holiday: bool = True) -> date:
    return add_working_days(registered, provider_response_days, flemish_holiday=flemish_holiday)


def is_overdue(*, status: str, proposals: int, registered: date, provider_response_days: int, today: date,
               flemish_holiday: bool = True) -> bool:
    """Open, no proposal yet, and the providers' answer period (working days) has passed."""
    if status != "open" or proposals > 0:
        return False
    return today > answer_due(registered, provider_response_days, flemish_holiday=flemish_holiday)


def is_new(*, status: str, reviewed: bool) -> bool:
    """Open and not yet looked at by a desk worker."""
    return status == "open" and not reviewed
