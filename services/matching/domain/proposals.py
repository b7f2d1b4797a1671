"""The rules of a proposal and of the family's answer (SPEC sections 3.3 to 3.5).

A proposal is refused when the request is not open, the location was not told of it, it comes
earlier than the desk's earliest-answer window before the wanted start, it starts before the
wanted start or in the past, the child's age does not fit, or it exceeds free capacity. A pattern
that is not a subset of what was asked may be proposed, but only the family can accept that
deviation. Families answer within the desk's period or the proposal expires.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from contracts.types import CarePattern
from services.matching.domain.capacity import CapacityTimeline
from services.matching.domain.eligibility import LocationFacts, add_months, age_failures
from services.matching.domain.slots import is_subset, slots_of, weekday_of

OPEN_STATUSES = ("open",)


@dataclass(frozen=True)
class Violation:
    """A broken rule: a message code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Partial:
    later_start: bool
    fewer_days: bool


def partial_flags(request: RequestSnapshot, start: date, pattern: CarePattern) -> Partial:
    """A later start or fewer days than asked: a partial answer, visible as such."""
    return Partial(later_start=start > request.wanted_start_date,
                   fewer_days=pattern.days_per_week < request.care_pattern.days_per_week)


def earliest_proposal_day(request: RequestSnapshot, policy: DeskPolicyChanged) -> date:
    return add_months(request.wanted_start_date, -policy.earliest_answer_months)


def answer_due(proposed_on: date, policy: DeskPolicyChanged) -> date:
    return proposed_on + timedelta(days=policy.family_answer_days)


def check_proposal(
    request: RequestSnapshot, *, request_status: str, distributed: bool, already_pending: bool,
    location: LocationFacts, timeline: CapacityTimeline, policy: DeskPolicyChanged, today: date,
    start: date, pattern: CarePattern,
) -> list[Violation]:
    """Every rule the proposal breaks (empty: it may be made)."""
    if request_status not in OPEN_STATUSES:
        return [Violation("request_not_open")]
    if not distributed:
        return [Violation("not_distributed_to_location")]
    if not location.active:
        return [Violation("location_inactive")]
    if already_pending:
        return [Violation("already_proposed")]
    problems: list[Violation] = []
    earliest = earliest_proposal_day(request, policy)
    if today < earliest:
        problems.append(Violation("proposal_too_early", {"date": earliest.isoformat(),
                                                         "months": policy.earliest_answer_months}))
    if start < today:
        problems.append(Violation("start_in_past"))
    elif start < request.wanted_start_date:
        problems.append(Violation("start_before_wanted", {"date": request.wanted_start_date.isoformat()}))
    if age_failures(request.child_birth_date, start, location):
        problems.append(Violation("age_out_of_range"))
    full = [index for index in slots_of(pattern) if not timeline.fits_from(start, (index,))]
    if full:
        days = sorted({weekday_of(index).value for index in full})
        problems.append(Violation("no_free_capacity", {"days": ", ".join(days)}))
    return problems


def check_acceptance(
    request: RequestSnapshot, *, request_status: str, proposal_status: str, due: date, today: date,
    pattern: CarePattern, start: date, accept_deviation: bool, timeline_without_own: CapacityTimeline,
) -> list[Violation]:
    """Whether the family may accept now; the capacity check leaves out the proposal's own hold."""
    if proposal_status != "pending":
        return [Violation("proposal_not_pending")]
    if today > due:
        return [Violation("proposal_expired", {"date": due.isoformat()})]
    if request_status not in OPEN_STATUSES:
        return [Violation("request_not_open")]
    if not is_subset(pattern, request.care_pattern) and not accept_deviation:
        return [Violation("deviation_not_accepted")]
    if not timeline_without_own.fits_from(start, slots_of(pattern)):
        return [Violation("no_free_capacity", {"days": ""})]
    return []


def is_overdue(due: date, today: date) -> bool:
    """The family may answer on the due day itself; the day after, the proposal expires."""
    return today > due
