"""Idempotent inbox: an event is applied at most once per consumer group.

The (consumer group, event id) row is inserted in the same transaction as the effect, so a
crash between the effect and the Kafka commit replays the record and this insert refuses it.
Event ids (not offsets) are the key, because a broker that lost its log gets the same events
republished at other offsets.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.runtime.tables import MessagingTables


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
    """Insert the inbox row; False means this group has already applied the event."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(tables.inbox)
        .values(
            consumer_group=group,
            event_id=event_id,
            event_type=event_type,
            topic=topic,
            kafka_partition=partition,
            kafka_offset=offset,
            processed_at=now,
        )
        .on_conflict_do_nothing(index_elements=["consumer_group", "event_id"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]
