"""What the desk can read back: every change with who and when, flag provenance, access log."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field

from services.intake.adapters.base import IntakeTable


class RequestChange(IntakeTable, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: str = Field(index=True, max_length=36)
    desk_id: str = Field(max_length=36)
    at: datetime
    actor_subject: str = ""
    actor_role: str = ""
    actor_name: str = ""
    action: str = Field(description="registered, updated, flags, withdrawn, merged, unmerged, erased, ...")
    fields: str = Field(default="", description="Comma-separated names of what changed (never values)")


class FlagChange(IntakeTable, table=True):
    id: int | None = Field(default=None, primary_key=True)
    request_id: str = Field(index=True, max_length=36)
    flag: str
    value: bool
    at: datetime
    actor_subject: str = ""
    actor_role: str = ""
    actor_name: str = ""


class AuditEntry(IntakeTable, table=True):
    """One access to families' personal data (or a refusal of it)."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    desk_id: str = Field(index=True, max_length=36)
    request_id: str | None = Field(default=None, index=True, max_length=36)
    request_ids: str = Field(default="", description="Space-separated ids shown in a list or search")
    actor_subject: str = ""
    actor_role: str = ""
    actor_name: str = ""
    actor_provider_id: str = ""
    action: str = Field(description="contact, detail, worklist, search, link")
    outcome: str = Field(default="granted", description="granted or refused")
