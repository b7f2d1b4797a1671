"""Notifications' own database tables (SQLModel) plus its outbox and inbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class NotificationsTable(SQLModel, registry=registry()):
    """Base of notifications' tables: a metadata of their own."""


class TrackedRequest(NotificationsTable, table=True):
    """A request whose deadlines notifications follows."""

    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    registered_at: datetime
    status: str = "open"


metadata = NotificationsTable.metadata
messaging = messaging_tables(metadata)
