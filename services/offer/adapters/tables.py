"""Offer's own database tables (SQLModel) plus its outbox and inbox.

Offer owns providers, locations, the provider's corrections and API keys. Allocations are a
ledger derived from matching's events (PlaceAllocated / AllocationCancelled) that the provider
may complete with a last day; desks' working areas come from intake's DeskPolicyChanged.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, UniqueConstraint
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables

Moment = DateTime(timezone=True)


class OfferTable(SQLModel, registry=registry()):
    """Base of offer's tables: a metadata of their own."""


class Provider(OfferTable, table=True):
    provider_id: str = Field(primary_key=True, max_length=36)
    name: str
    kbo_number: str = Field(max_length=10, unique=True)
    email: str = ""
    phone: str = ""


class Location(OfferTable, table=True):
    """One childcare location: searchable facts as columns, lists as JSON text."""

    __table_args__ = (UniqueConstraint("provider_id", "external_ref", name="uq_location_external_ref"),)

    location_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    external_ref: str | None = Field(default=None, max_length=64)
    name: str
    street: str
    postal_code: str = Field(max_length=4)
    city: str
    nis_code: str = Field(max_length=5, index=True)
    latitude: float | None = None
    longitude: float | None = None
    kind: str = Field(max_length=20)
    capacity: str = Field(description="Licensed places per weekday as JSON")
    age_min_months: int = 0
    age_max_months: int = 36
    opening_hours: str = Field(default="[]", description="Opening hours per weekday as JSON")
    atypical_hours: bool = False
    atypical_note: str = ""
    ikt: bool = False
    specific_care: bool = False
    languages: str = "nl"
    phone: str = ""
    email: str = ""
    website: str = ""
    status: str = Field(default="active", index=True, max_length=10)
    closed_on: date | None = None
    closed_reason: str | None = None
    published_at: datetime = Field(sa_type=Moment)
    updated_at: datetime = Field(sa_type=Moment)


class Allocation(OfferTable, table=True):
    """An allocated place as matching reported it, plus what the provider confirmed."""

    allocation_id: str = Field(primary_key=True, max_length=36)
    location_id: str = Field(index=True, max_length=36)
    provider_id: str = Field(default="", index=True, max_length=36)
    request_id: str = Field(default="", max_length=36)
    start_date: date | None = None
    days: str = Field(default="{}", description="Weekday -> day part as JSON")
    last_day: date | None = None
    known: bool = Field(default=False, description="PlaceAllocated seen (a cancellation may come first)")
    cancelled: bool = False
    cancelled_reason: str | None = None
    allocated_at: datetime | None = Field(default=None, sa_type=Moment)
    cancelled_at: datetime | None = Field(default=None, sa_type=Moment)
    confirmed_at: datetime | None = Field(default=None, sa_type=Moment)


class Correction(OfferTable, table=True):
    """A provider's visible correction of derived free places, for a period it chooses."""

    correction_id: str = Field(primary_key=True, max_length=36)
    location_id: str = Field(index=True, max_length=36)
    weekdays: str = Field(description="Space-separated weekdays")
    places_delta: int
    valid_from: date
    valid_until: date | None = None
    reason: str = Field(max_length=30)
    note: str = ""
    created_at: datetime = Field(sa_type=Moment)


class ApiKey(OfferTable, table=True):
    """A provider's API key: only its SHA-256 hash is kept."""

    key_id: str = Field(primary_key=True, max_length=16)
    provider_id: str = Field(index=True, max_length=36)
    label: str
    key_hash: str = Field(max_length=64)
    hint: str
    location_ids: str = Field(default="", description="Space-separated; empty = every location")
    created_at: datetime = Field(sa_type=Moment)
    created_by: str = ""
    revoked_at: datetime | None = Field(default=None, sa_type=Moment)
    expires_at: datetime | None = Field(default=None, sa_type=Moment)
    last_used_at: datetime | None = Field(default=None, sa_type=Moment)
    replaced_by: str | None = Field(default=None, max_length=16)


class DeskArea(OfferTable, table=True):
    """A desk's working area (latest policy version), so desk workers act only on their area."""

    desk_id: str = Field(primary_key=True, max_length=36)
    version: int
    working_area: str = Field(description="Space-separated NIS codes")


class OfferVersion(OfferTable, table=True):
    """One row whose number rises with every change of what search shows (cache generation)."""

    id: int = Field(default=1, primary_key=True)
    version: int = 0


metadata = OfferTable.metadata
messaging = messaging_tables(metadata)
