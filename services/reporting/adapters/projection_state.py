"""The projection's status row and the reset that a rebuild starts with."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, literal, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.reporting.adapters.tables import PROJECTION_TABLES, ProjectionStatus, RequestScope, metadata
from services.runtime.tables import MessagingTables

STATUS = "projection"


async def status(session: AsyncSession) -> ProjectionStatus:
    found = await session.get(ProjectionStatus, STATUS)
    if found is None:
        found = ProjectionStatus(name=STATUS)
        session.add(found)
        await session.flush()
    return found


async def reset(session: AsyncSession, tables: MessagingTables, *, group: str, now: datetime) -> None:
    """Forget every fact and every inbox row of *group*, in one transaction: the log is replayed."""
    for name in PROJECTION_TABLES:
        await session.execute(delete(metadata.tables[name]))
    await session.execute(delete(tables.inbox).where(tables.inbox.c.consumer_group == group))
    row = await status(session)
    row.state, row.rebuild_started_at, row.rebuild_finished_at = "rebuilding", now, None
    row.rebuild_events, row.rebuild_total, row.horizon_month = 0, 0, ""
    session.add(row)


async def mark_all_desks_dirty(session: AsyncSession) -> None:
    scope = RequestScope.__table__  # type: ignore[attr-defined]
    dirty = metadata.tables["stats_dirty"]
    await session.execute(delete(dirty))
    await session.execute(insert(dirty).from_select(
        ["desk_id", "marks"], select(scope.c.desk_id, literal(1)).distinct()))
