"""The messaging tables every service has in its own database: outbox, inbox, relay state.

Declared with SQLAlchemy Core on the service's own metadata, so each service's Alembic history
owns them like any other table.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)


@dataclass(frozen=True)
class MessagingTables:
    outbox: Table
    inbox: Table
    published_offsets: Table


def messaging_tables(metadata: MetaData) -> MessagingTables:
    """Create (once) and return the messaging tables on *metadata*."""
    if "outbox" in metadata.tables:
        return MessagingTables(
            metadata.tables["outbox"], metadata.tables["inbox"], metadata.tables["published_offsets"]
        )
    outbox = Table(
        "outbox",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("topic", String(200), nullable=False),
        Column("message_key", String(200), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("payload", Text, nullable=False),
        Column("headers", Text, nullable=False),
        Column("occurred_at", DateTime(timezone=True), nullable=False),
        Column("status", String(16), nullable=False, default="pending"),
        Column("lease_owner", String(64)),
        Column("lease_until", DateTime(timezone=True)),
        Column("attempts", Integer, nullable=False, default=0),
        Column("last_error", Text),
        Column("published_at", DateTime(timezone=True)),
        Index("ix_outbox_status_id", "status", "id"),
        Index("ix_outbox_published_at", "published_at"),
    )
    inbox = Table(
        "inbox",
        metadata,
        Column("consumer_group", String(120), nullable=False),
        Column("event_id", String(36), nullable=False),
        Column("event_type", String(100), nullable=False),
        Column("topic", String(200), nullable=False),
        Column("kafka_partition", Integer, nullable=False),
        Column("kafka_offset", BigInteger, nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("consumer_group", "event_id", name="pk_inbox"),
    )
    published_offsets = Table(
        "published_offsets",
        metadata,
        Column("topic", String(200), nullable=False),
        Column("kafka_partition", Integer, nullable=False),
        Column("max_offset", BigInteger, nullable=False),
        Column("event_id", String(36), nullable=False),
        PrimaryKeyConstraint("topic", "kafka_partition", name="pk_published_offsets"),
    )
    return MessagingTables(outbox, inbox, published_offsets)
