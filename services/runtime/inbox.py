"""Idempotent inbox: an event is applied at most once per consumer group.

The (consumer group, event id) row is inserted in the same transaction as the effect, so a
crash between the effect and the Kafka commit replays the record and this insert refuses it.
Event ids (not offsets) are the key, because a broker that lost its log gets the same events
republished at other offsets.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from services.runtime.tables import MessagingTables
from services.runtime.upserts import dialect_of, insert_unless_present


async def claim(
    session: AsyncSession,
    tables: MessagingTables,
    *,
    group: str,
    event_id: str,
    event_type: str,
    topic: str,
    partition: int,
    offset: int,
    now: datetime,
) -> bool:
    """Insert the inbox row; False means this group has already applied the event.

    Executed on the session's connection (same transaction), not through the ORM: the claim runs for
    every consumed event, and the ORM layer cost more than the insert itself."""
    statement = insert_unless_present(dialect_of(session), tables.inbox, ("consumer_group", "event_id"))
    connection = await session.connection()
    result = await connection.execute(statement, {
        "consumer_group": group, "event_id": event_id, "event_type": event_type, "topic": topic,
        "kafka_partition": partition, "kafka_offset": offset, "processed_at": now,
    })
    return bool(result.rowcount)
