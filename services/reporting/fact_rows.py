"""The rows one event becomes, computed without a database session.

The live handlers (handlers.py, through adapters/fact_store.py) and the rebuild's bulk path
(bulk_apply.py) both call these functions, so a rebuilt projection holds exactly the rows the
live consumer would have written: the same fact body, the same event time, the same index rows.
The rebuild computes them while it parses a batch and writes a whole batch in a few statements.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, NamedTuple

from contracts.envelope import Envelope
from contracts.events import offer
from services.reporting.domain.facts import Fact
from services.reporting.domain.from_events import fact_from_event

REQUEST_EVENTS = (
    "RequestRegistered", "RequestUpdated", "RequestWithdrawn", "RequestMerged", "RequestMergeUndone",
    "RequestDistributed", "ProviderResponded", "ProposalMade", "ProposalDeclined", "ProposalExpired",
    "ProposalWithdrawn", "PlaceAllocated", "AllocationCancelled", "RequestReopened",
    "ProviderNotified", "ResponseOverdue",
)
LOCATION_EVENTS = ("LocationPublished", "LocationChanged", "LocationClosed")
_REQUEST = frozenset(REQUEST_EVENTS)
_LOCATION = frozenset(LOCATION_EVENTS)
SCOPE_KEYS = ("request_id", "desk_id", "start_year", "home_nis")
ScopeKey = tuple[str, str, int, str]


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: every stored time is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def request_fact_row(fact: Fact) -> dict[str, Any]:
    return {"event_id": fact.event_id, "request_id": fact.request_id, "kind": fact.kind.value,
            "occurred_at": utc(fact.at), "desk_id": fact.desk_id, "location_id": fact.location_id,
            "body": fact.body()}


def scope_key(fact: Fact) -> ScopeKey | None:
    """The (request, desk, original start year, home municipality) a snapshot names, if any."""
    info = fact.info
    if info is None:
        return None
    return (fact.request_id, info.desk_id, info.original_wanted_start_date.year, info.home_nis)


def desks_of(fact: Fact) -> set[str]:
    """The desks whose hub figures this fact may change."""
    return {d for d in (fact.desk_id, fact.info.desk_id if fact.info else None) if d}


def location_row(event: Envelope[Any]) -> dict[str, Any]:
    data = event.data
    if isinstance(data, offer.LocationClosed):
        location_id, provider_id, nis = data.location_id, data.provider_id, data.nis_code
        body = data.model_dump_json(include={"closed_on", "reason"})
    else:
        snapshot = data.location
        location_id, provider_id, nis = snapshot.location_id, snapshot.provider_id, snapshot.nis_code
        body = snapshot.model_dump_json(include={"capacity_per_weekday", "corrections", "status"})
    return {"event_id": event.id, "location_id": location_id, "provider_id": provider_id, "nis_code": nis,
            "kind": event.type, "occurred_at": utc(event.time), "body": body}


class EventRows(NamedTuple):
    """What one event adds: a request fact (with its scope key and desks) or a location fact.
    (A named tuple: made once per event of a rebuild, it is cheaper than a frozen dataclass.)"""

    fact: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    scope: ScopeKey | None = None
    desks: frozenset[str] = frozenset()


def rows_of(event: Envelope[Any]) -> EventRows | None:
    """The rows of a request or location event; None for an event only its handler can apply
    (a desk policy: an upsert that depends on what is stored)."""
    if event.type in _LOCATION:
        return EventRows(location=location_row(event))
    fact = fact_from_event(event.id, event.time, event.data) if event.type in _REQUEST else None
    if fact is None:
        return None
    return EventRows(fact=request_fact_row(fact), scope=scope_key(fact), desks=frozenset(desks_of(fact)))
