"""Deadlines that survive restarts (durable here, never only in Redis) and the desk's worklist."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from services.notifications.adapters.base import NotificationsTable


class ResponseDeadline(NotificationsTable, table=True):
    """A location must answer a distributed request by the end of due_date."""

    request_id: str = Field(primary_key=True, max_length=36)
    location_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    distribution_round: int = 1
    distributed_at: datetime
    policy_version: int = 0
    response_days: int
    count_flemish_holiday: bool = True
    due_date: date
    reminder_at: datetime | None = Field(default=None, index=True)
    overdue_at: datetime = Field(index=True)
    status: str = Field(default="waiting", max_length=12, description="waiting, answered, overdue, closed")
    reminded_at: datetime | None = None
    answered_at: datetime | None = None
    answer: str | None = Field(default=None, max_length=20)


class ProposalDeadline(NotificationsTable, table=True):
    """A family must answer a proposal by the end of answer_due."""

    proposal_id: str = Field(primary_key=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    location_id: str = Field(max_length=36)
    provider_id: str = Field(max_length=36)
    proposed_at: datetime
    start_date: date | None = None
    answer_due: date
    reminder_at: datetime | None = Field(default=None, index=True)
    escalate_at: datetime = Field(index=True)
    status: str = Field(default="waiting", max_length=12, description="waiting, accepted, declined, expired, "
                        "withdrawn")
    reminded_at: datetime | None = None
    escalated_at: datetime | None = None
    closed_at: datetime | None = None


class Escalation(NotificationsTable, table=True):
    """One line on the desk's worklist: an overdue answer or a message that could not be delivered."""

    escalation_id: str = Field(primary_key=True, max_length=36)
    idempotency_key: str = Field(max_length=300, unique=True)
    desk_id: str = Field(index=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    kind: str = Field(max_length=30, description="provider_overdue, family_no_answer, delivery_dead")
    provider_id: str | None = Field(default=None, max_length=36)
    location_id: str | None = Field(default=None, max_length=36)
    proposal_id: str | None = Field(default=None, max_length=36)
    delivery_id: str | None = Field(default=None, max_length=36)
    due_date: date | None = None
    detected_at: datetime
    status: str = Field(default="open", index=True, max_length=10)
    resolved_at: datetime | None = None
    resolved_by: str = Field(default="", max_length=120)
