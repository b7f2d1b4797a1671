"""Answers of the public API (search, location page, free places): business facts and counts only."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from contracts.events.offer import OpeningHours
from contracts.types import Weekday


class Municipality(BaseModel):
    nis_code: str = Field(examples=["44021"])
    name: str = Field(examples=["Gent"])


class FreeDay(BaseModel):
    """One weekday as of a date: every part of the sum shown, so a correction is visible as such."""

    weekday: Weekday
    licensed: int = Field(description="Licensed places on this weekday", examples=[28])
    allocated: int = Field(description="Places taken by allocations running on that date", examples=[22])
    corrected: int = Field(description="The provider's corrections in force (negative)", examples=[-2])
    free: int = Field(description="licensed - allocated + corrected, never below 0", examples=[4])
    lasting: int = Field(description="Places free on that date that stay free later on (what a new child needs)",
                         examples=[3])


class FreeChange(BaseModel):
    date: date
    weekday: Weekday
    licensed: int
    allocated: int
    corrected: int
    free: int


class PublicCorrection(BaseModel):
    weekdays: tuple[Weekday, ...]
    places_delta: int = Field(examples=[-2])
    valid_from: date
    valid_until: date | None
    reason: str = Field(examples=["staff_shortage"])


class FreePlacesOut(BaseModel):
    location_id: str
    as_of: date
    days: list[FreeDay] = Field(description="Per open weekday, as of `as_of`")
    changes: list[FreeChange] = Field(description="Every later date on which a weekday's figures change")
    corrections: list[PublicCorrection] = Field(description="Corrections in force on or after `as_of`")


class LocationPublic(BaseModel):
    """A location as a family sees it: no map needed, words a parent understands."""

    location_id: str
    provider_id: str
    provider_name: str
    name: str
    kind: str
    street: str
    postal_code: str
    city: str
    municipality: Municipality
    latitude: float
    longitude: float
    coordinates_approximate: bool = Field(description="True: the municipality centre, not the address")
    age_min_months: int
    age_max_months: int
    opening_hours: list[OpeningHours]
    atypical_hours: bool
    atypical_note: str
    ikt: bool
    specific_care: bool
    languages: list[str]
    phone: str
    email: str
    website: str
    status: str
    free_places: list[FreeDay]


class SearchResult(BaseModel):
    location_id: str
    name: str
    kind: str
    street: str
    postal_code: str
    city: str
    municipality: Municipality
    distance_km: float | None = Field(description="From the chosen centre; null without one")
    ikt: bool
    atypical_hours: bool
    specific_care: bool
    languages: list[str]
    open_weekdays: list[Weekday]
    free: dict[Weekday, int] = Field(description="Per wanted (or open) weekday: places that stay free from `as_of`")
    has_room: bool = Field(description="A lasting free place on every wanted weekday (none wanted: on any day)")


class SearchOut(BaseModel):
    as_of: date = Field(description="Free places are counted from this date")
    count: int = Field(description="How many locations fit (results may be fewer: see `limit`)")
    results: list[SearchResult]
