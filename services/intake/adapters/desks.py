"""Desks and the versions of their policy."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from services.intake.adapters.base import IntakeTable


class Desk(IntakeTable, table=True):
    desk_id: str = Field(primary_key=True, max_length=36)
    name: str
    email: str = ""
    working_area: str = Field(description="Space-separated NIS codes of the latest version in force")


class DeskPolicyVersion(IntakeTable, table=True):
    desk_id: str = Field(primary_key=True, max_length=36)
    version: int = Field(primary_key=True)
    valid_from: date
    body: str = Field(description="DeskPolicyChanged data as JSON")
    published_at: datetime | None = None
    published_by: str = ""
