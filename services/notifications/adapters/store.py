"""Small persistence helpers shared by handlers and jobs: insert-once and the policy lookup."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy import Table, insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.notifications.adapters.base import NotificationsTable
from services.notifications.adapters.request_tables import DeskPolicy
from services.notifications.domain.deadlines import DeadlinePolicy
from services.runtime.upserts import dialect_of, insert_unless_present


async def insert_once(session: AsyncSession, model: type[NotificationsTable], values: dict[str, Any],
                      unique: str) -> bool:
    """Insert a row of *model* with *values* (its defaults for the rest) unless a row with the same
    *unique* column exists; True when inserted.

    The unique constraint decides, in the database, so two replicas or a replayed event can
    never create the same delivery twice.
    """
    statement = insert_unless_present(dialect_of(session), _table(model), (unique,))
    result = await session.exec(statement, params=with_defaults(model, values))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def insert_rows(session: AsyncSession, model: type[NotificationsTable], rows: list[dict[str, Any]]) -> None:
    """Insert rows of *model* (its defaults for what they leave out) in one statement."""
    if rows:
        await session.exec(insert(_table(model)),  # type: ignore[call-overload]
                           params=[with_defaults(model, row) for row in rows])


def with_defaults(model: type[NotificationsTable], values: dict[str, Any]) -> dict[str, Any]:
    """A row of *model* for a Core insert, as its constructor would fill it. Rows, not model
    instances: building one costs ~200 µs of CPU (instrumentation), more than inserting it."""
    return {**_defaults(model), **values}


@functools.cache
def _defaults(model: type[NotificationsTable]) -> dict[str, Any]:
    """The columns whose model default is a value; a default of None is left to the database (an
    autoincrement key must not be given as NULL)."""
    defaults: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            raise TypeError(f"{model.__name__}.{name}: a default factory cannot be shared between rows")
        if field.default is not PydanticUndefined and field.default is not None:
            defaults[name] = field.default
    return defaults


def _table(model: type[NotificationsTable]) -> Table:
    return model.__table__  # type: ignore[attr-defined, no-any-return]


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
