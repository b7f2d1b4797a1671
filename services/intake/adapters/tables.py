"""Intake's own database tables (SQLModel) plus its outbox and inbox."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class IntakeTable(SQLModel, registry=registry()):
    """Base of intake's tables: a metadata of their own, separate from other services."""


class Desk(IntakeTable, table=True):
    desk_id: str = Field(primary_key=True, max_length=36)
    name: str
    email: str = ""
    working_area: str = Field(description="Space-separated NIS codes")


class DeskPolicyVersion(IntakeTable, table=True):
    desk_id: str = Field(primary_key=True, max_length=36)
    version: int = Field(primary_key=True)
    valid_from: date
    body: str = Field(description="DeskPolicyChanged data as JSON")


class CareRequest(IntakeTable, table=True):
    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    status: str = Field(default="open", index=True)
    child_first_name: str
    child_last_name: str
    child_birth_date: date
    home_nis: str = Field(max_length=5)
    wanted_start_date: date
    contact_email: str = ""
    contact_phone: str = ""
    snapshot: str = Field(description="RequestSnapshot as JSON: what the bus knows")
    registered_at: datetime


metadata = IntakeTable.metadata
messaging = messaging_tables(metadata)
