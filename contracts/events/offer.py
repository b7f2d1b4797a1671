"""Events published by offer: the childcare locations and their licensed capacity."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from contracts.events.base import Event
from contracts.types import Frozen, LocalTime, NisCode, Weekday

LOCATION_TOPIC = "offer.location.v1"


class OpeningHours(Frozen):
    weekday: Weekday
    opens: LocalTime
    closes: LocalTime


class CapacityCorrection(Frozen):
    """A provider's correction of derived free places (staff shortage, a closed group)."""

    correction_id: str
    weekdays: tuple[Weekday, ...] = Field(min_length=1)
    places_delta: int = Field(description="Negative: fewer places than licensed capacity suggests")
    valid_from: date
    valid_until: date | None = Field(default=None, description="Open-ended until the provider ends it")


class LocationSnapshot(Frozen):
    """A location as matching and notifications need it. A business, so no family data here."""

    location_id: str
    provider_id: str
    nis_code: NisCode
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    kind: Literal["gezinsopvang", "groepsopvang"]
    capacity_per_weekday: dict[Weekday, int] = Field(description="Licensed places per weekday")
    age_min_months: int = Field(ge=0, le=72)
    age_max_months: int = Field(ge=0, le=72)
    opening_hours: tuple[OpeningHours, ...] = ()
    atypical_hours: bool = False
    ikt: bool = Field(description="Income-related tariff (inkomenstarief)")
    specific_care: bool = False
    languages: tuple[str, ...] = ("nl",)
    corrections: tuple[CapacityCorrection, ...] = ()
    status: Literal["active", "suspended", "closed"] = "active"


class LocationPublished(Event):
    """A location became visible to families and eligible for distribution."""

    event_type: ClassVar[str] = "LocationPublished"
    owner: ClassVar[str] = "offer"
    topic: ClassVar[str] = LOCATION_TOPIC

    location: LocationSnapshot
    published_at: datetime

    def subject(self) -> str:
        return self.location.location_id


class LocationChanged(Event):
    """Capacity, hours, corrections or other facts of a location changed. Full snapshot."""

    event_type: ClassVar[str] = "LocationChanged"
    owner: ClassVar[str] = "offer"
    topic: ClassVar[str] = LOCATION_TOPIC

    location: LocationSnapshot
    changed: tuple[str, ...] = ()
    changed_at: datetime

    def subject(self) -> str:
        return self.location.location_id


class LocationClosed(Event):
    """Licence suspended or withdrawn, or the provider stopped: families must be helped elsewhere."""

    event_type: ClassVar[str] = "LocationClosed"
    owner: ClassVar[str] = "offer"
    topic: ClassVar[str] = LOCATION_TOPIC

    location_id: str
    provider_id: str
    nis_code: NisCode
    closed_on: date
    reason: Literal["licence_suspended", "licence_withdrawn", "stopped"]
    closed_at: datetime

    def subject(self) -> str:
        return self.location_id
