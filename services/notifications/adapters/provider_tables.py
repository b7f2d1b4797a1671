"""A provider's notification preferences and webhook subscriptions (business data, not families')."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field

from services.notifications.adapters.base import NotificationsTable


class ProviderPreferences(NotificationsTable, table=True):
    provider_id: str = Field(primary_key=True, max_length=36)
    mode: str = Field(default="immediate", max_length=20)
    digest_hour: int = 8
    channels: str = Field(default="pull", max_length=40, description="Space-separated channel names")
    email: str = Field(default="", max_length=320)
    language: str = Field(default="nl", max_length=2)
    updated_at: datetime
    updated_by: str = Field(default="", max_length=120)

    @property
    def channel_list(self) -> list[str]:
        return self.channels.split()


class WebhookSubscription(NotificationsTable, table=True):
    """Where a provider's software wants signed POSTs. The secret signs; it is shown only once."""

    subscription_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    url: str = Field(max_length=2000)
    secret: str = Field(max_length=100)
    description: str = Field(default="", max_length=200)
    status: str = Field(default="active", max_length=20, description="active or deleted")
    created_at: datetime
    deleted_at: datetime | None = None
