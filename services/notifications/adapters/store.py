"""Small persistence helpers shared by handlers and jobs: insert-once and the policy lookup."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from sqlalchemy import Table
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.notifications.adapters.base import NotificationsTable
from services.notifications.adapters.request_tables import DeskPolicy
from services.notifications.domain.deadlines import DeadlinePolicy
from services.runtime.upserts import conflict_insert, dialect_of


async def insert_once(session: AsyncSession, row: NotificationsTable, unique: str) -> bool:
    """Insert *row* unless a row with the same *unique* column exists; True when inserted.

    The unique constraint decides, in the database, so two replicas or a replayed event can
    never create the same delivery twice.
    """
    table: Table = row.__table__  # type: ignore[attr-defined]
    values: dict[str, Any] = {c.name: getattr(row, c.name) for c in table.columns}
    result = await session.exec(_insert_once_statement(dialect_of(session), table, unique), params=values)
    return bool(result.rowcount)  # type: ignore[attr-defined]


@functools.cache
def _insert_once_statement(dialect: str, table: Table, unique: str) -> Any:
    """One statement per table, its values as parameters: SQLAlchemy compiles it once, where values
    written into the statement made it compute a new cache key for every row."""
    return conflict_insert(dialect, table).on_conflict_do_nothing(index_elements=[unique])


async def policy_at(session: AsyncSession, desk_id: str, day: date) -> DeadlinePolicy:
    """The desk's policy in force on *day* (the latest version valid from then); defaults if none."""
    statement = (
        select(DeskPolicy)
        .where(DeskPolicy.desk_id == desk_id, col(DeskPolicy.valid_from) <= day)
        .order_by(col(DeskPolicy.valid_from).desc(), col(DeskPolicy.version).desc())
        .limit(1)
    )
    found = (await session.exec(statement)).first()
    if found is None:
        return DeadlinePolicy()
    return DeadlinePolicy(
        version=found.version, provider_response_days=found.provider_response_days,
        reminder_before_days=found.reminder_before_days, family_answer_days=found.family_answer_days,
        count_flemish_holiday=found.count_flemish_holiday, notification_mode=found.notification_mode,
    )
