"""What a provider tells about one childcare location, and the rules it must satisfy.

``LocationDetails`` is the single input model: the REST API, the portal form and every row of
a CSV/XLSX import are validated by it, so a location is never half right. The event snapshot
(``LocationSnapshot``) is derived from it and leaves out what the bus does not need.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from contracts import municipalities
from contracts.events.offer import CapacityCorrection, LocationSnapshot, OpeningHours
from contracts.types import NisCode, Weekday

Kind = Literal["gezinsopvang", "groepsopvang"]
Status = Literal["active", "suspended", "closed"]
PHONE = re.compile(r"^\+?[0-9 ./()-]{6,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LANGUAGE = re.compile(r"^[a-z]{2}$")


class LocationDetails(BaseModel):
    """A location as its provider describes it (business facts, never family data)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=2, max_length=120, examples=["De Zonnebloem Brugse Poort"])
    external_ref: str | None = Field(
        default=None, max_length=64, examples=["KDV-017"],
        description="Your own id of this location in your management software (optional, unique per provider)",
    )
    street: str = Field(min_length=2, max_length=120, examples=["Bevrijdingslaan 12"])
    postal_code: str = Field(pattern=r"^\d{4}$", examples=["9000"])
    city: str = Field(min_length=2, max_length=80, examples=["Gent"])
    nis_code: NisCode
    latitude: float | None = Field(default=None, ge=49.4, le=51.6, examples=[51.0577],
                                   description="Leave empty to use the municipality centre")
    longitude: float | None = Field(default=None, ge=2.5, le=6.5, examples=[3.7067])
    kind: Kind = Field(examples=["groepsopvang"])
    capacity_per_weekday: dict[Weekday, Annotated[int, Field(ge=0, le=300)]] = Field(
        examples=[{"mon": 28, "tue": 28, "wed": 28, "thu": 28, "fri": 28}],
        description="Licensed places per weekday; a weekday left out is closed",
    )
    age_min_months: int = Field(default=0, ge=0, le=72)
    age_max_months: int = Field(default=36, ge=1, le=72)
    opening_hours: tuple[OpeningHours, ...] = Field(
        default=(), examples=[[{"weekday": "mon", "opens": "07:00", "closes": "18:00"}]],
    )
    atypical_hours: bool = Field(default=False, description="Early, late, night or weekend care")
    atypical_note: str = Field(default="", max_length=300, examples=["Open vanaf 6 uur"])
    ikt: bool = Field(description="Income-related tariff (inkomenstarief)")
    specific_care: bool = Field(default=False, description="Can care for children with a specific care need")
    languages: tuple[str, ...] = Field(default=("nl",), examples=[["nl", "fr"]])
    phone: str = Field(default="", max_length=20, examples=["09 123 45 67"])
    email: str = Field(default="", max_length=120, examples=["brugsepoort@zonnebloem.be"])
    website: str = Field(default="", max_length=200)

    @field_validator("nis_code")
    @classmethod
    def _known_municipality(cls, value: str) -> str:
        if municipalities.current_code(value) != value:
            raise ValueError("unknown_municipality")
        return value

    @field_validator("capacity_per_weekday")
    @classmethod
    def _open_days(cls, value: dict[Weekday, int]) -> dict[Weekday, int]:
        return {day: value[day] for day in Weekday if value.get(day)}  # Monday first, closed days left out

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value or any(not LANGUAGE.match(code) for code in value):
            raise ValueError("bad_language")
        return tuple(dict.fromkeys(value))

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if value and not PHONE.match(value):
            raise ValueError("bad_phone")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value and not EMAIL.match(value):
            raise ValueError("bad_email")
        return value

    @field_validator("website")
    @classmethod
    def _website(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("bad_website")
        return value

    @field_validator("opening_hours")
    @classmethod
    def _hours(cls, value: tuple[OpeningHours, ...]) -> tuple[OpeningHours, ...]:
        days = [hours.weekday for hours in value]
        if len(days) != len(set(days)):
            raise ValueError("hours_twice")
        if any(hours.closes <= hours.opens for hours in value):
            raise ValueError("hours_order")
        order = list(Weekday)
        return tuple(sorted(value, key=lambda h: order.index(h.weekday)))

    @model_validator(mode="after")
    def _ages_and_coordinates(self) -> LocationDetails:
        if self.age_max_months <= self.age_min_months:
            raise ValueError("age_range")
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("coordinates_pair")
        return self

    def coordinates(self) -> tuple[float, float, bool]:
        """(latitude, longitude, approximate): the municipality centre when none were given."""
        if self.latitude is not None and self.longitude is not None:
            return self.latitude, self.longitude, False
        centre = municipalities.get(self.nis_code)
        assert centre is not None  # validated above
        return centre.latitude, centre.longitude, True


def snapshot_of(
    location_id: str, provider_id: str, details: LocationDetails, *,
    corrections: tuple[CapacityCorrection, ...] = (), status: Status = "active",
) -> LocationSnapshot:
    """What the bus learns about a location: no name, address or contact needed downstream."""
    latitude, longitude, _ = details.coordinates()
    return LocationSnapshot(
        location_id=location_id, provider_id=provider_id, nis_code=details.nis_code,
        latitude=latitude, longitude=longitude, kind=details.kind,
        capacity_per_weekday=details.capacity_per_weekday, age_min_months=details.age_min_months,
        age_max_months=details.age_max_months, opening_hours=details.opening_hours,
        atypical_hours=details.atypical_hours, ikt=details.ikt, specific_care=details.specific_care,
        languages=details.languages, corrections=corrections, status=status,
    )


def changed_fields(before: LocationSnapshot | None, after: LocationSnapshot) -> tuple[str, ...]:
    """Names of the snapshot fields that differ (all of them for a first snapshot)."""
    new = after.model_dump(mode="json")
    if before is None:
        return tuple(new)
    old = before.model_dump(mode="json")
    return tuple(name for name in new if old.get(name) != new[name])
