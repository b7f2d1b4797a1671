"""All of notifications' tables on one metadata (for Alembic), plus its outbox and inbox."""

from __future__ import annotations

from services.notifications.adapters.base import NotificationsTable
from services.notifications.adapters.deadline_tables import Escalation, ProposalDeadline, ResponseDeadline
from services.notifications.adapters.delivery_tables import Delivery, DeliveryAttempt, FeedCounter
from services.notifications.adapters.provider_tables import ProviderPreferences, WebhookSubscription
from services.notifications.adapters.request_tables import DeskPolicy, TrackedRequest
from services.runtime.tables import messaging_tables

__all__ = [
    "Delivery", "DeliveryAttempt", "DeskPolicy", "Escalation", "FeedCounter", "NotificationsTable", "ProposalDeadline",
    "ProviderPreferences", "ResponseDeadline", "TrackedRequest", "WebhookSubscription", "messaging", "metadata",
]

metadata = NotificationsTable.metadata
messaging = messaging_tables(metadata)
