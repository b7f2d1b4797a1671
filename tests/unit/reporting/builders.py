"""Short-hand facts for table-driven tests of the report rules."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from contracts.types import CategoryFlags
from services.reporting.domain.facts import Fact, FactKind, RequestInfo

DESK = "desk-gent"
_ids = itertools.count(1)


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def _fact(kind: FactKind, request_id: str, when: str, **fields: object) -> Fact:
    return Fact(event_id=f"e{next(_ids):05d}", request_id=request_id, kind=kind, at=at(when),
                desk_id=fields.pop("desk_id", DESK), **fields)  # type: ignore[arg-type]


def registered(
    request_id: str, when: str, *, start: str = "2025-09-01", home: str = "44021", days: float = 3.0,
    flags: tuple[str, ...] = (), desk: str = DESK, inside: bool = True, updated: bool = False,
) -> Fact:
    info = RequestInfo(
        desk_id=desk, home_nis=home, in_working_area=inside, original_wanted_start_date=date.fromisoformat(start),
        wanted_start_date=date.fromisoformat(start), days_per_week=days,
        categories=CategoryFlags(**dict.fromkeys(flags, True)), child_birth_date=date(2025, 1, 1),
    )
    kind = FactKind.UPDATED if updated else FactKind.REGISTERED
    return _fact(kind, request_id, when, info=info, desk_id=desk)


def proposed(request_id: str, when: str, proposal: str, start: str = "2025-09-01") -> Fact:
    return _fact(FactKind.PROPOSED, request_id, when, proposal_id=proposal, location_id="loc-1",
                 provider_id="prov-1", start_date=date.fromisoformat(start), allocated_days=3.0)


def answered(kind: FactKind, request_id: str, when: str, proposal: str) -> Fact:
    return _fact(kind, request_id, when, proposal_id=proposal, location_id="loc-1")


def allocated(
    request_id: str, when: str, *, proposal: str = "p1", start: str = "2025-09-01",
    original: str = "2025-09-01", requested: float = 3.0, given: float = 3.0, allocation: str = "a1",
) -> Fact:
    return _fact(FactKind.ALLOCATED, request_id, when, allocation_id=allocation, proposal_id=proposal,
                 location_id="loc-1", provider_id="prov-1", start_date=date.fromisoformat(start),
                 original_start_date=date.fromisoformat(original), requested_days=requested,
                 allocated_days=given)


def cancelled(request_id: str, when: str, allocation: str = "a1") -> Fact:
    return _fact(FactKind.ALLOCATION_CANCELLED, request_id, when, allocation_id=allocation, location_id="loc-1")


def withdrawn(request_id: str, when: str) -> Fact:
    return _fact(FactKind.WITHDRAWN, request_id, when)


def merged(duplicate: str, survivor: str, when: str) -> Fact:
    return _fact(FactKind.MERGED, duplicate, when, other_request_id=survivor)


def merge_undone(duplicate: str, survivor: str, when: str) -> Fact:
    return _fact(FactKind.MERGE_UNDONE, duplicate, when, other_request_id=survivor)


def reopened(request_id: str, when: str) -> Fact:
    return _fact(FactKind.REOPENED, request_id, when, location_id="loc-1", urgent=True)


def distributed(request_id: str, when: str, *locations: str) -> Fact:
    from services.reporting.domain.facts import Recipient

    return _fact(FactKind.DISTRIBUTED, request_id, when,
                 recipients=tuple(Recipient(location_id=loc, provider_id=f"prov-{loc}") for loc in locations))


def responded(request_id: str, when: str, location: str) -> Fact:
    return _fact(FactKind.RESPONDED, request_id, when, location_id=location, provider_id=f"prov-{location}",
                 answer="cannot")
