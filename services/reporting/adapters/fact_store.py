"""Writing facts: one row per applied event, in the consumer's transaction (with its inbox row).

Inserts ignore a row that is already there, so a fact is stored once even if the same event is
met twice inside one batch; the inbox already refuses events applied in an earlier transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.reporting.adapters.tables import (
    DeskPolicyRow,
    LocationFactRow,
    RequestFactRow,
    RequestScope,
    StatsDirty,
)
from services.reporting.domain.facts import Fact


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: every stored time is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


async def insert_ignore(session: AsyncSession, model: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(_table(model)).values(rows).on_conflict_do_nothing())


async def store_request_fact(session: AsyncSession, fact: Fact) -> None:
    await insert_ignore(session, RequestFactRow, [{
        "event_id": fact.event_id, "request_id": fact.request_id, "kind": fact.kind.value,
        "occurred_at": utc(fact.at), "desk_id": fact.desk_id, "location_id": fact.location_id, "body": fact.body(),
    }])
    if fact.info is not None:
        await insert_ignore(session, RequestScope, [{
            "request_id": fact.request_id, "desk_id": fact.info.desk_id,
            "start_year": fact.info.original_wanted_start_date.year, "home_nis": fact.info.home_nis,
        }])
        homes = {fact.info.home_nis}
    else:
        found = await session.execute(
            select(_table(RequestScope).c.home_nis).where(_table(RequestScope).c.request_id == fact.request_id)
        )
        homes = {row[0] for row in found.all()}
    await mark_dirty(session, homes)


async def mark_dirty(session: AsyncSession, nis_codes: set[str]) -> None:
    """Ask the hub-stream publisher to compute these municipalities again."""
    if not nis_codes:
        return
    table = _table(StatsDirty)
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(table).values([{"nis_code": nis, "marks": 1} for nis in sorted(nis_codes)])
    await session.execute(statement.on_conflict_do_update(index_elements=["nis_code"],
                                                          set_={"marks": table.c.marks + 1}))


async def store_location_fact(
    session: AsyncSession, *, event_id: str, location_id: str, provider_id: str, nis_code: str, kind: str,
    at: datetime, body: str,
) -> None:
    await insert_ignore(session, LocationFactRow, [{
        "event_id": event_id, "location_id": location_id, "provider_id": provider_id, "nis_code": nis_code,
        "kind": kind, "occurred_at": utc(at), "body": body,
    }])


async def store_policy(session: AsyncSession, row: DeskPolicyRow) -> None:
    """Keep, per desk and version, the one announced last (order-tolerant upsert)."""
    existing = await session.get(DeskPolicyRow, (row.desk_id, row.version))
    if existing is None:
        session.add(row)
        await session.flush()
    elif utc(existing.announced_at) <= utc(row.announced_at):
        for name in ("valid_from", "working_area", "provider_response_days", "count_flemish_holiday",
                     "announced_at"):
            setattr(existing, name, getattr(row, name))
        session.add(existing)
