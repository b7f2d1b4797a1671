"""Offer's own database tables (SQLModel) plus its outbox and inbox."""

from __future__ import annotations

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class OfferTable(SQLModel, registry=registry()):
    """Base of offer's tables: a metadata of their own."""


class Provider(OfferTable, table=True):
    provider_id: str = Field(primary_key=True, max_length=36)
    name: str
    kbo_number: str = Field(max_length=10, index=True)
    email: str = ""


class Location(OfferTable, table=True):
    location_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    name: str
    street: str
    nis_code: str = Field(max_length=5, index=True)
    snapshot: str = Field(description="LocationSnapshot as JSON: what the bus knows")


metadata = OfferTable.metadata
messaging = messaging_tables(metadata)
