"""What notifications' HTTP API answers: the delivery log, the worklist, letters, webhooks, the feed."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class AttemptOut(BaseModel):
    attempt: int
    at: datetime
    outcome: str
    detail: str


class DeliveryOut(BaseModel):
    """One message: what (kind, request, locations), to whom, which channel, when and with which result."""

    delivery_id: str
    audience: str = Field(description="provider or family")
    provider_id: str | None
    desk_id: str
    request_id: str
    location_ids: list[str]
    proposal_id: str | None
    kind: str = Field(description="new_request, reminder, proposal_made, proposal_reminder, ...")
    channel: str = Field(description="email, webhook, pull or letter")
    status: str = Field(description="pending, sending, retrying, delivered, available, to_print, dead, failed, "
                        "cancelled")
    digest: bool
    attempts: int
    source_time: datetime = Field(description="When the fact happened (e.g. the distribution)")
    planned_for: datetime = Field(description="When it is (or was last) due to be sent")
    first_attempt_at: datetime | None
    delivered_at: datetime | None
    last_result: str
    feed_seq: int | None
    attempt_log: list[AttemptOut] = []


class EscalationOut(BaseModel):
    escalation_id: str
    desk_id: str
    request_id: str
    kind: str = Field(description="provider_overdue, family_no_answer or delivery_failed")
    provider_id: str | None
    location_id: str | None
    proposal_id: str | None
    delivery_id: str | None
    due_date: date | None
    detected_at: datetime
    status: str
    resolved_at: datetime | None
    resolved_by: str


class LetterOut(BaseModel):
    """A message for a family without e-mail; the desk prints it (the address comes from intake)."""

    delivery_id: str
    desk_id: str
    request_id: str
    kind: str
    language: str
    status: str
    created_at: datetime
    subject: str
    body: str


class PreferencesOut(BaseModel):
    provider_id: str
    mode: str
    digest_hour: int
    channels: list[str]
    email: str | None
    language: str
    chosen: bool = Field(description="False while the provider has not chosen (defaults shown)")


class WebhookOut(BaseModel):
    subscription_id: str
    url: str
    description: str
    created_at: datetime


class WebhookCreated(WebhookOut):
    secret: str = Field(description="Signing secret (whsec_...). Shown only now: store it safely.")


class FeedItem(BaseModel):
    seq: int
    notification_id: str
    kind: str
    request_id: str
    desk_id: str
    location_ids: list[str]
    details: dict[str, object]
    created_at: datetime


class FeedPage(BaseModel):
    items: list[FeedItem]
    next_after: int = Field(description="Pass as ?after= next time; it confirms receipt of everything up to it")
