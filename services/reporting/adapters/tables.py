"""Reporting's own database tables (SQLModel) plus its outbox and inbox."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class ReportingTable(SQLModel, registry=registry()):
    """Base of reporting's tables: a metadata of their own."""


class RequestFact(ReportingTable, table=True):
    """One registered request as the projection knows it."""

    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    home_nis: str = Field(max_length=5, index=True)
    original_wanted_start_date: date
    registered_at: datetime


metadata = ReportingTable.metadata
messaging = messaging_tables(metadata)
