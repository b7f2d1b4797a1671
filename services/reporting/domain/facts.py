"""Facts: the slice of each contract event that the reporting projection keeps.

The projection is a log of facts per request (and per location), never a mutable status: every
question ("as of 28 February", "at the end of March") is answered by folding the facts up to a
moment. That makes the projection order-tolerant (a proposal may arrive before its request) and
deterministic (only event time counts, never the clock that applied it).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from contracts.types import CategoryFlags


class FactKind(StrEnum):
    REGISTERED = "registered"
    UPDATED = "updated"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"
    MERGE_UNDONE = "merge_undone"
    DISTRIBUTED = "distributed"
    NOTIFIED = "notified"
    RESPONDED = "responded"
    OVERDUE = "overdue"
    PROPOSED = "proposed"
    DECLINED = "declined"
    EXPIRED = "expired"
    PROPOSAL_WITHDRAWN = "proposal_withdrawn"
    ALLOCATED = "allocated"
    ALLOCATION_CANCELLED = "allocation_cancelled"
    REOPENED = "reopened"


# Facts with the same event time are applied in this order (then by event id): a request exists
# before anything happens to it, a proposal before its answer, an allocation before its undoing.
KIND_ORDER: dict[FactKind, int] = {kind: index for index, kind in enumerate(FactKind)}


class RequestInfo(BaseModel):
    """What a request snapshot tells the report: no names, no contact, no free text."""

    model_config = ConfigDict(frozen=True)

    desk_id: str
    home_nis: str
    in_working_area: bool
    original_wanted_start_date: date
    wanted_start_date: date
    days_per_week: float
    categories: CategoryFlags
    child_birth_date: date


class Recipient(BaseModel):
    model_config = ConfigDict(frozen=True)

    location_id: str
    provider_id: str


class Fact(BaseModel):
    """One event as the projection keeps it. Only the fields of its kind are set."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    request_id: str
    kind: FactKind
    at: datetime
    desk_id: str | None = None
    info: RequestInfo | None = None
    other_request_id: str | None = None
    proposal_id: str | None = None
    allocation_id: str | None = None
    location_id: str | None = None
    provider_id: str | None = None
    start_date: date | None = None
    original_start_date: date | None = None
    requested_days: float | None = None
    allocated_days: float | None = None
    answer: str | None = None
    urgent: bool = False
    due_date: date | None = None
    recipients: tuple[Recipient, ...] = ()
    weekdays: tuple[str, ...] = ()

    def sort_key(self) -> tuple[datetime, int, str]:
        return (self.at, KIND_ORDER[self.kind], self.event_id)

    def body(self) -> str:
        """What is stored besides the indexed columns (event id, request id, kind, time)."""
        return self.model_dump_json(exclude={"event_id", "request_id", "kind", "at"}, exclude_defaults=True)

    @classmethod
    def from_row(cls, event_id: str, request_id: str, kind: str, at: datetime, body: str) -> Fact:
        import json

        return cls.model_validate({**json.loads(body), "event_id": event_id, "request_id": request_id,
                                   "kind": kind, "at": at})


def ordered(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=Fact.sort_key)
