"""What intake learns from the bus (proposals, allocations) and mail waiting to be sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from services.intake.adapters.base import IntakeTable


class ProposalSeen(IntakeTable, table=True):
    proposal_id: str = Field(primary_key=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    location_id: str = ""
    start_date: date | None = None
    status: str = "pending"
    status_at: datetime


class AllocationSeen(IntakeTable, table=True):
    allocation_id: str = Field(primary_key=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    location_id: str = ""
    allocated_at: datetime | None = None
    cancelled_at: datetime | None = None


class MailOutbox(IntakeTable, table=True):
    """A mail to send after the commit; the token inside a link is fetched only when sending."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(description="status_link, merged_link")
    request_id: str = Field(index=True, max_length=36)
    to_address: str = ""
    language: str = "nl"
    status: str = Field(default="pending", index=True)
    attempts: int = 0
    next_attempt_at: datetime
    lease_until: datetime | None = None
    sent_at: datetime | None = None
    last_error: str = ""
