"""Providers' feeds: numbered entries their software reads with a cursor.

Numbers come from one counter row, incremented with an upsert ``... RETURNING`` in the same
transaction as the entries. The row lock makes writers take numbers in commit order, so a
cursor never skips an entry committed late (the trap of ``id > last_id`` over an autoincrement
column). One statement per transaction, however many entries: a request told to 600 locations
costs one counter update and one multi-row insert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from services.matching.adapters.tables import FeedCounter, ProviderFeedEntry
from services.runtime.upserts import conflict_insert, dialect_of

COUNTER = "provider-feed"


@dataclass(frozen=True)
class FeedChange:
    provider_id: str
    request_id: str
    location_id: str
    change: str  # distributed, updated, closed


async def take_numbers(session: AsyncSession, count: int) -> int:
    """Reserve *count* numbers; return the first. One upsert: the row is created on first use."""
    statement = conflict_insert(dialect_of(session), FeedCounter).values(name=COUNTER, last_seq=count)
    result = await session.execute(statement.on_conflict_do_update(
        index_elements=["name"], set_={"last_seq": col(FeedCounter.last_seq) + count},
    ).returning(col(FeedCounter.last_seq)))
    return int(result.scalar_one()) - count + 1


async def append(session: AsyncSession, changes: list[FeedChange], at: datetime) -> None:
    if not changes:
        return
    first = await take_numbers(session, len(changes))
    await session.execute(insert(ProviderFeedEntry.__table__), [  # type: ignore[attr-defined]
        {"seq": first + i, "provider_id": c.provider_id, "request_id": c.request_id, "location_id": c.location_id,
         "change": c.change, "at": at} for i, c in enumerate(changes)])
