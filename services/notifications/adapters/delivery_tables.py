"""The delivery log: every message to a provider or a family, its channel, attempts and result.

One row per recipient, request, kind, channel and target, made unique by its idempotency key, so
the same fact never produces two sends; each attempt is kept in DeliveryAttempt as proof.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from services.notifications.adapters.base import NotificationsTable


class Delivery(NotificationsTable, table=True):
    __table_args__ = (
        Index("ix_delivery_status_next", "status", "next_attempt_at"),
        UniqueConstraint("provider_id", "feed_seq", name="uq_delivery_feed_seq"),
    )

    delivery_id: str = Field(primary_key=True, max_length=36)
    idempotency_key: str = Field(max_length=300, unique=True)
    audience: str = Field(max_length=10, description="provider or family")
    provider_id: str | None = Field(default=None, index=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    location_ids: str = Field(default="", max_length=400, description="Space-separated location ids")
    proposal_id: str | None = Field(default=None, max_length=36)
    kind: str = Field(max_length=30)
    channel: str = Field(max_length=10, description="email, webhook, pull or letter")
    target: str = Field(default="", max_length=320, description="Provider e-mail or webhook subscription id")
    language: str = Field(default="nl", max_length=2)
    batch_key: str | None = Field(default=None, index=True, max_length=300, description="Digest grouping")
    status: str = Field(default="pending", max_length=12)
    attempts: int = 0
    next_attempt_at: datetime
    first_attempt_at: datetime | None = None
    lease_owner: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = None
    last_result: str = Field(default="", max_length=500)
    feed_seq: int | None = None
    source_time: datetime = Field(description="Time of the fact that caused this message")
    created_at: datetime
    delivered_at: datetime | None = None
    details: str = Field(default="{}", description="JSON facts for the text: ids, dates, days; no personal data")


class DeliveryAttempt(NotificationsTable, table=True):
    attempt_id: int | None = Field(default=None, primary_key=True)
    delivery_id: str = Field(index=True, max_length=36)
    attempt: int
    at: datetime
    outcome: str = Field(max_length=12, description="delivered, retry, dead, failed, available, letter")
    detail: str = Field(default="", max_length=500)


class FeedCounter(NotificationsTable, table=True):
    """The last number given in a provider's pull feed; its row lock orders concurrent numbering."""

    provider_id: str = Field(primary_key=True, max_length=36)
    last_seq: int = 0
