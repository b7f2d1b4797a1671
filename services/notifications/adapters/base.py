"""Base of notifications' tables: a SQLModel registry (and metadata) of its own."""

from __future__ import annotations

from sqlalchemy.orm import registry
from sqlmodel import SQLModel


class NotificationsTable(SQLModel, registry=registry()):
    """Base of notifications' tables: a metadata of their own, separate from other services."""
