"""The state of one request at a moment: the fold of its facts up to that moment (pure).

Facts are applied in event-time order whatever order they arrived in, so the same facts always
give the same state. A fact at or after ``before`` is ignored: that is how the report answers
"as of the cut-off" and how a request withdrawn after the cut-off still counts as it stood.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from services.reporting.domain.facts import Fact, FactKind, RequestInfo, ordered


@dataclass(frozen=True)
class Allocation:
    allocation_id: str
    at: datetime
    start_date: date
    original_start_date: date
    requested_days: float
    allocated_days: float
    location_id: str | None
    weekdays: tuple[str, ...] = ()


@dataclass
class RequestState:
    request_id: str
    info: RequestInfo | None = None
    registered_at: datetime | None = None
    withdrawn_at: datetime | None = None
    merged_into: str | None = None
    proposals: dict[str, str] = field(default_factory=dict)
    first_proposal_at: datetime | None = None
    allocation: Allocation | None = None
    first_allocation_at: datetime | None = None
    reopened_urgent: bool = False
    cancelled_allocations: set[str] = field(default_factory=set)

    @property
    def counts(self) -> bool:
        """A unique request of its own: registered, and not merged into another one."""
        return self.registered_at is not None and self.info is not None and self.merged_into is None

    @property
    def allocated(self) -> bool:
        return self.allocation is not None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def open(self) -> bool:
        """Still waiting for a place: neither allocated nor withdrawn."""
        return self.counts and not self.allocated and not self.withdrawn

    @property
    def had_proposal(self) -> bool:
        return bool(self.proposals)

    @property
    def urgent(self) -> bool:
        return bool(self.info and self.info.categories.urgent) or self.reopened_urgent

    def category_names(self) -> tuple[str, ...]:
        if self.info is None:
            return ()
        names = set(self.info.categories.names())
        if self.reopened_urgent:
            names.add("urgent")
        return tuple(sorted(names))


def apply(state: RequestState, fact: Fact) -> None:  # noqa: C901 - one branch per kind reads best
    kind = fact.kind
    if kind in (FactKind.REGISTERED, FactKind.UPDATED):
        state.info = fact.info
        if kind is FactKind.REGISTERED and state.registered_at is None:
            state.registered_at = fact.at
    elif kind is FactKind.WITHDRAWN:
        state.withdrawn_at = state.withdrawn_at or fact.at
    elif kind is FactKind.MERGED:
        state.merged_into = fact.other_request_id
    elif kind is FactKind.MERGE_UNDONE:
        state.merged_into = None
    elif kind is FactKind.PROPOSED and fact.proposal_id:
        state.proposals.setdefault(fact.proposal_id, "pending")
        state.first_proposal_at = state.first_proposal_at or fact.at
    elif kind in (FactKind.DECLINED, FactKind.EXPIRED, FactKind.PROPOSAL_WITHDRAWN) and fact.proposal_id:
        if state.proposals.get(fact.proposal_id) != "accepted":
            state.proposals[fact.proposal_id] = kind.value
    elif kind is FactKind.ALLOCATED:
        _allocate(state, fact)
    elif kind is FactKind.ALLOCATION_CANCELLED and fact.allocation_id:
        state.cancelled_allocations.add(fact.allocation_id)
        if state.allocation and state.allocation.allocation_id == fact.allocation_id:
            state.allocation = None
    elif kind is FactKind.REOPENED:
        state.allocation = None
        state.reopened_urgent = state.reopened_urgent or fact.urgent


def _allocate(state: RequestState, fact: Fact) -> None:
    if fact.proposal_id:
        state.proposals[fact.proposal_id] = "accepted"
        state.first_proposal_at = state.first_proposal_at or fact.at
    if not fact.allocation_id or fact.allocation_id in state.cancelled_allocations:
        return
    assert fact.start_date and fact.original_start_date  # noqa: S101 - set for every allocation fact
    state.allocation = Allocation(
        allocation_id=fact.allocation_id, at=fact.at, start_date=fact.start_date,
        original_start_date=fact.original_start_date, requested_days=fact.requested_days or 0.0,
        allocated_days=fact.allocated_days or 0.0, location_id=fact.location_id, weekdays=fact.weekdays,
    )
    state.first_allocation_at = state.first_allocation_at or fact.at


def fold(request_id: str, facts: Iterable[Fact], before: datetime | None = None) -> RequestState:
    """The state of *request_id* from *facts* strictly before *before* (all facts when None)."""
    state = RequestState(request_id=request_id)
    for fact in ordered([f for f in facts if before is None or f.at < before]):
        apply(state, fact)
    return state


def fold_all(facts: Iterable[Fact], before: datetime | None = None) -> dict[str, RequestState]:
    """Fold many requests' facts at once, grouped by request id."""
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.request_id, []).append(fact)
    return {request_id: fold(request_id, items, before) for request_id, items in sorted(grouped.items())}
