"""Bodies and answers of the provider API (its locations, corrections, allocations, keys, sheets)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.types import Weekday
from services.offer.domain.location import LocationDetails


class LocationOut(LocationDetails):
    """A location as its provider (and the desk) see it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    location_id: str
    provider_id: str
    status: Literal["active", "suspended", "closed"]
    closed_on: date | None = None
    closed_reason: str | None = None
    coordinates_approximate: bool = False
    desk_ids: list[str] = Field(default=[], description="Desks whose working area holds this location")
    published_at: datetime
    updated_at: datetime


class Changed(BaseModel):
    location_id: str
    changed: list[str] = Field(description="Snapshot fields that changed (empty: nothing the bus sees changed)")


class CapacityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capacity_per_weekday: dict[Weekday, int] = Field(
        examples=[{"mon": 28, "tue": 28, "wed": 24, "thu": 28, "fri": 20}])


class CorrectionOut(BaseModel):
    correction_id: str
    location_id: str
    weekdays: list[Weekday]
    places_delta: int
    valid_from: date
    valid_until: date | None
    reason: str
    note: str
    created_at: datetime
    in_force: bool = Field(description="Applies today")


class EndCorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    last_day: date | None = Field(default=None, description="Last day it applies; default today")


class AllocationOut(BaseModel):
    """An allocated place at one of your locations (ids and dates only; contact data stays at intake)."""

    allocation_id: str
    location_id: str
    request_id: str
    start_date: date | None
    days: dict[Weekday, str] = Field(description="Weekday -> full, morning or afternoon")
    last_day: date | None
    confirmed_at: datetime | None
    cancelled: bool
    cancelled_reason: str | None
    allocated_at: datetime | None


class ConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    last_day: date | None = Field(default=None, description="The child's last day of care, when known",
                                  examples=["2029-08-31"])


class CloseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Literal["licence_suspended", "licence_withdrawn", "stopped"]
    closed_on: date | None = Field(default=None, description="Default: today")


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str = Field(min_length=2, max_length=80, examples=["Planningssoftware"])
    location_ids: list[str] = Field(default=[], description="Only these locations; empty = all of yours")


class ApiKeyOut(BaseModel):
    key_id: str
    label: str
    hint: str = Field(description="Enough to recognise the key, never the key itself")
    location_ids: list[str]
    created_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None = Field(description="Set after a rotation: the old key works until then")
    last_used_at: datetime | None
    replaced_by: str | None
    usable: bool


class ApiKeyCreated(ApiKeyOut):
    api_key: str = Field(description="Shown ONCE: store it in your software's secret store now")


class RotateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grace_hours: int = Field(default=24, ge=0, le=168, description="How long the old key keeps working")


class VerifyIn(BaseModel):
    api_key: str = Field(max_length=200)


class VerifyOut(BaseModel):
    key_id: str
    provider_id: str
    location_ids: list[str] = Field(default=[], description="Scope of the key; empty = all locations")


class ImportOut(BaseModel):
    dry_run: bool
    created: int
    updated: int
    unchanged: int
    location_ids: list[str] = Field(description="Created or updated locations (empty on a dry run of new rows)")


class ProviderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=2, max_length=120)
    kbo_number: str = Field(pattern=r"^\d{10}$", examples=["0207451227"])
    email: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=20)


class ProviderOut(BaseModel):
    provider_id: str
    name: str
    kbo_number: str
    email: str
    phone: str
