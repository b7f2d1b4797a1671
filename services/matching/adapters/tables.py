"""Matching's own database tables (SQLModel) plus its outbox and inbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class MatchingTable(SQLModel, registry=registry()):
    """Base of matching's tables: a metadata of their own."""


class OpenRequestView(MatchingTable, table=True):
    """Read model of a request as matching needs it (no personal data)."""

    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    status: str = Field(default="open", index=True)
    snapshot: str
    updated_at: datetime


class LocationView(MatchingTable, table=True):
    """Read model of a location and its licensed capacity."""

    location_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    nis_code: str = Field(max_length=5, index=True)
    status: str = "active"
    snapshot: str
    updated_at: datetime


metadata = MatchingTable.metadata
messaging = messaging_tables(metadata)
