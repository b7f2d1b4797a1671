"""Each provider's feed: numbered entries its software reads with a cursor.

The number comes from a per-provider counter incremented with ``UPDATE ... RETURNING`` in the
same transaction as the entry, so two transactions never interleave numbers for one provider
and a cursor never skips an entry committed late (the trap of ``id > last_id`` over an
autoincrement column).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from services.matching.adapters.tables import ProviderFeedCounter, ProviderFeedEntry


async def next_seq(session: AsyncSession, provider_id: str) -> int:
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(
        insert(ProviderFeedCounter).values(provider_id=provider_id, last_seq=0)
        .on_conflict_do_nothing(index_elements=["provider_id"])
    )
    result = await session.execute(
        update(ProviderFeedCounter)
        .where(col(ProviderFeedCounter.provider_id) == provider_id)
        .values(last_seq=col(ProviderFeedCounter.last_seq) + 1)
        .returning(col(ProviderFeedCounter.last_seq))
    )
    return int(result.scalar_one())


async def append(session: AsyncSession, *, provider_id: str, request_id: str, location_id: str, change: str,
                 at: datetime) -> None:
    seq = await next_seq(session, provider_id)
    session.add(ProviderFeedEntry(provider_id=provider_id, seq=seq, request_id=request_id,
                                  location_id=location_id, change=change, at=at))
