"""Locations as reporting sees them: the latest snapshot by event time, and closures (pure).

Used to find the providers of a working area (to share the yearly report with them) and the
licensed places per municipality (free places against demand).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class LocationFact:
    event_id: str
    location_id: str
    provider_id: str
    nis_code: str
    kind: str  # LocationPublished, LocationChanged or LocationClosed
    at: datetime
    data: dict[str, Any]


@dataclass(frozen=True)
class LocationView:
    location_id: str
    provider_id: str
    nis_code: str
    capacity: dict[str, int]
    corrections: tuple[dict[str, Any], ...]
    status: str
    closed_on: date | None

    def open_on(self, day: date) -> bool:
        return self.status == "active" and (self.closed_on is None or day < self.closed_on)

    def places_on(self, day: date, weekday: str) -> int:
        """Licensed places on *weekday* plus the provider's corrections valid on *day*."""
        if not self.open_on(day):
            return 0
        places = self.capacity.get(weekday, 0)
        for correction in self.corrections:
            start = date.fromisoformat(correction["valid_from"])
            end = date.fromisoformat(correction["valid_until"]) if correction.get("valid_until") else None
            if weekday in correction["weekdays"] and start <= day and (end is None or day <= end):
                places += int(correction["places_delta"])
        return max(places, 0)


def fold_locations(facts: Iterable[LocationFact], before: datetime | None = None) -> dict[str, LocationView]:
    """Each location's latest snapshot and closure (facts strictly before *before*)."""
    views: dict[str, LocationView] = {}
    for fact in sorted(facts, key=lambda f: (f.at, f.kind == "LocationClosed", f.event_id)):
        if before is not None and fact.at >= before:
            continue
        current = views.get(fact.location_id)
        if fact.kind == "LocationClosed":
            closed = date.fromisoformat(fact.data["closed_on"])
            views[fact.location_id] = LocationView(
                location_id=fact.location_id, provider_id=fact.provider_id, nis_code=fact.nis_code,
                capacity=current.capacity if current else {}, corrections=current.corrections if current else (),
                status="closed", closed_on=closed)
            continue
        views[fact.location_id] = LocationView(
            location_id=fact.location_id, provider_id=fact.provider_id, nis_code=fact.nis_code,
            capacity={str(k): int(v) for k, v in fact.data.get("capacity_per_weekday", {}).items()},
            corrections=tuple(fact.data.get("corrections", ())), status=str(fact.data.get("status", "active")),
            closed_on=None if fact.data.get("status", "active") == "active" else (current.closed_on if current
                                                                                 else None))
    return views


def providers_in(views: Iterable[LocationView], area: Iterable[str], day: date) -> tuple[str, ...]:
    """Providers with at least one location open on *day* in one of the *area* municipalities."""
    wanted = set(area)
    return tuple(sorted({v.provider_id for v in views if v.nis_code in wanted and v.open_on(day)}))
