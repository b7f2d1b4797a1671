"""The columns of Opgroeien's form and the rule that puts one request in them (SPEC section 5).

1. unique requests whose original wanted start lies in the year (merged duplicates count once);
2. unanswered without proposal: not allocated, not withdrawn, never received a proposal;
3. unanswered with a proposal the family did not accept: not allocated, not withdrawn, at least
   one proposal (pending, declined, expired or withdrawn; or accepted and then undone when the
   location closed: the family has no place, so the request is unanswered);
4. partially answered: allocated, but (a) starting at least one calendar month after the
   original wanted start, and/or (b) with fewer days per week than asked; each in its own column.
"""

from __future__ import annotations

from enum import StrEnum

from services.reporting.domain.calendar import add_months
from services.reporting.domain.state import RequestState


class Column(StrEnum):
    UNIQUE = "unique"
    UNANSWERED_WITHOUT_PROPOSAL = "unanswered_without_proposal"
    UNANSWERED_WITH_PROPOSAL = "unanswered_with_proposal"
    PARTIAL_LATER_START = "partial_later_start"
    PARTIAL_FEWER_DAYS = "partial_fewer_days"


COLUMNS: tuple[Column, ...] = tuple(Column)

CATEGORIES: tuple[str, ...] = (
    "urgent", "atypical_hours", "priority_group", "vulnerable_family", "specific_care_need",
)


def later_start(state: RequestState) -> bool:
    """The allocated start is at least one calendar month after the original wanted start."""
    allocation = state.allocation
    return allocation is not None and allocation.start_date >= add_months(allocation.original_start_date, 1)


def fewer_days(state: RequestState) -> bool:
    allocation = state.allocation
    return allocation is not None and allocation.allocated_days < allocation.requested_days


def columns_of(state: RequestState, year: int) -> frozenset[Column]:
    """The report columns *state* counts in for *year* (empty: not in this year's report)."""
    if not state.counts or state.info is None or state.info.original_wanted_start_date.year != year:
        return frozenset()
    found = {Column.UNIQUE}
    if state.allocated:
        if later_start(state):
            found.add(Column.PARTIAL_LATER_START)
        if fewer_days(state):
            found.add(Column.PARTIAL_FEWER_DAYS)
    elif not state.withdrawn:
        found.add(Column.UNANSWERED_WITH_PROPOSAL if state.had_proposal else Column.UNANSWERED_WITHOUT_PROPOSAL)
    return frozenset(found)
