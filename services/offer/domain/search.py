"""Search for parents: which locations fit where, when and how a family needs care.

Pure rules over plain facts, so they are tested without a database: filter by municipality or
distance from a municipality centre (or a point the browser gives), weekdays, opening hours,
income-related tariff, atypical hours, specific care, language, kind, and free places that last
from a date. Results near the family come first; without a centre, those with most room first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from contracts import municipalities
from contracts.events.offer import OpeningHours
from contracts.types import NisCode, Weekday
from services.offer.domain.free_places import FreePlaces


class SearchQuery(BaseModel):
    """What a family looks for; every field optional. Normalised so equal questions share a cache entry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nis: tuple[NisCode, ...] = Field(default=(), description="Only in these municipalities")
    near: NisCode | None = Field(default=None, description="Measure distance from this municipality's centre")
    lat: float | None = Field(default=None, ge=49.4, le=51.6, description="...or from this point")
    lon: float | None = Field(default=None, ge=2.5, le=6.5)
    max_km: float = Field(default=10, gt=0, le=100)
    weekdays: tuple[Weekday, ...] = Field(default=(), description="Care needed on these weekdays")
    opens_by: time | None = Field(default=None, description="Open at the latest at (drop-off)")
    closes_after: time | None = Field(default=None, description="Still open at (pick-up)")
    ikt: bool | None = None
    atypical_hours: bool | None = None
    specific_care: bool | None = None
    kind: Literal["gezinsopvang", "groepsopvang"] | None = None
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    free_from: date | None = Field(default=None, description="A place that stays free from this date")
    limit: int = Field(default=50, ge=1, le=200)

    @field_validator("nis")
    @classmethod
    def _known_codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(municipalities.get(code) is None for code in value):
            raise ValueError("unknown_municipality")
        return tuple(sorted(set(value)))

    @field_validator("near")
    @classmethod
    def _known_centre(cls, value: str | None) -> str | None:
        if value is not None and municipalities.get(value) is None:
            raise ValueError("unknown_municipality")
        return value

    @field_validator("weekdays")
    @classmethod
    def _in_order(cls, value: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        order = list(Weekday)
        return tuple(sorted(set(value), key=order.index))

    def centre(self) -> tuple[float, float] | None:
        if self.lat is not None and self.lon is not None:
            return self.lat, self.lon
        if self.near is not None:
            found = municipalities.get(self.near)
            return (found.latitude, found.longitude) if found else None
        return None


@dataclass(frozen=True)
class LocationFacts:
    """The searchable facts of one active location."""

    location_id: str
    nis_code: str
    latitude: float
    longitude: float
    kind: str
    ikt: bool
    atypical_hours: bool
    specific_care: bool
    languages: tuple[str, ...]
    opening_hours: tuple[OpeningHours, ...]
    capacity: dict[Weekday, int]


def fits_without_places(facts: LocationFacts, query: SearchQuery) -> bool:
    """Every rule except free places (cheap: no allocations needed)."""
    if query.nis and facts.nis_code not in query.nis:
        return False
    for wanted, actual in ((query.ikt, facts.ikt), (query.atypical_hours, facts.atypical_hours),
                           (query.specific_care, facts.specific_care)):
        if wanted and not actual:
            return False
    if query.kind and facts.kind != query.kind:
        return False
    if query.language and query.language not in facts.languages:
        return False
    return all(_open_on(facts, weekday, query) for weekday in query.weekdays)


def _open_on(facts: LocationFacts, weekday: Weekday, query: SearchQuery) -> bool:
    if facts.capacity.get(weekday, 0) <= 0:
        return False
    if query.opens_by is None and query.closes_after is None:
        return True
    hours = next((h for h in facts.opening_hours if h.weekday == weekday), None)
    if hours is None:
        return False
    if query.opens_by is not None and hours.opens > query.opens_by:
        return False
    return query.closes_after is None or hours.closes >= query.closes_after


def distance(facts: LocationFacts, query: SearchQuery) -> float | None:
    centre = query.centre()
    if centre is None:
        return None
    return round(municipalities.distance_km(centre[0], centre[1], facts.latitude, facts.longitude), 1)


def bounding_box(query: SearchQuery) -> tuple[float, float, float, float] | None:
    """(south, north, west, east) around the centre that holds every point within max_km: a cheap
    pre-filter for the database; the exact distance is checked afterwards."""
    centre = query.centre()
    if centre is None:
        return None
    dlat = query.max_km / 110.5
    dlon = query.max_km / (111.3 * math.cos(math.radians(centre[0])))
    return centre[0] - dlat, centre[0] + dlat, centre[1] - dlon, centre[1] + dlon


def within_reach(km: float | None, query: SearchQuery) -> bool:
    return km is None or km <= query.max_km


def lasting_free(places: FreePlaces, query: SearchQuery, today: date) -> dict[Weekday, int]:
    """Per relevant weekday the places that stay free from the wanted date (today by default)."""
    start = max(query.free_from or today, today)
    days = query.weekdays or places.weekdays
    return {day: places.lasting(start, day) for day in days}


def has_room(free: dict[Weekday, int], query: SearchQuery) -> bool:
    """A lasting place on every wanted weekday; without wanted weekdays, on at least one open day."""
    if query.weekdays:
        return bool(free) and all(count > 0 for count in free.values())
    return any(count > 0 for count in free.values())


def sort_key(km: float | None, free: dict[Weekday, int], name: str) -> tuple[float, int, str]:
    """Nearest first when a centre is known; otherwise most lasting room first; then by name."""
    room = min(free.values()) if free else 0
    return (km if km is not None else 0.0, -room, name.casefold())
