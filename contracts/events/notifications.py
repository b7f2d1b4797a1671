"""Events published by notifications: proof that providers were told, and overdue answers."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Literal

from contracts.events.base import Event

DELIVERY_TOPIC = "notifications.delivery.v1"


class ProviderNotified(Event):
    """A provider was told about a request for one of its locations, through one channel."""

    event_type: ClassVar[str] = "ProviderNotified"
    owner: ClassVar[str] = "notifications"
    topic: ClassVar[str] = DELIVERY_TOPIC

    notification_id: str
    request_id: str
    desk_id: str
    provider_id: str
    location_ids: tuple[str, ...]
    channel: Literal["email", "webhook", "pull"]
    kind: Literal["new_request", "reminder", "digest"]
    notified_at: datetime

    def subject(self) -> str:
        return self.request_id


class ResponseOverdue(Event):
    """A provider did not answer within the desk's period: escalated to the desk's worklist."""

    event_type: ClassVar[str] = "ResponseOverdue"
    owner: ClassVar[str] = "notifications"
    topic: ClassVar[str] = DELIVERY_TOPIC

    request_id: str
    desk_id: str
    provider_id: str
    location_id: str
    due_date: date
    detected_at: datetime

    def subject(self) -> str:
        return self.request_id
