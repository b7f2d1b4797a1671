"""Writing facts: one row per applied event, in the consumer's transaction (with its inbox row).

The inbox row claimed in the same transaction guarantees a fact is written once per event (a
repeat in the same batch is refused by the inbox before the handler runs), so facts are plain
inserts; index rows that many events share are inserted "if not there yet".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.reporting.adapters.sqlite_bulk import insert_or_ignore, is_sqlite
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
    """One statement for all *rows* (executemany: compiled once), keeping rows already there."""
    if not rows:
        return
    if is_sqlite(session):
        await insert_or_ignore(session, _table(model), rows)
        return
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(insert(_table(model)).on_conflict_do_nothing(), rows)


async def store_request_fact(session: AsyncSession, fact: Fact) -> None:
    """The fact, its scope keys, and a mark for the hub publisher.

    Statements per event are what a rebuild pays for: in a bulk transaction everything is written
    once after the batch (write_deferred); scope keys and marks are written once per transaction.
    """
    session.info.setdefault(DEFERRED_FACTS, []).append({
        "event_id": fact.event_id, "request_id": fact.request_id, "kind": fact.kind.value,
        "occurred_at": utc(fact.at), "desk_id": fact.desk_id, "location_id": fact.location_id, "body": fact.body(),
    })
    seen: set[tuple[object, ...]] = session.info.setdefault("reporting_written", set())
    if fact.info is not None:
        scope = (fact.request_id, fact.info.desk_id, fact.info.original_wanted_start_date.year, fact.info.home_nis)
        if scope not in seen:
            seen.add(scope)
            session.info.setdefault(DEFERRED_SCOPE, []).append(dict(zip(SCOPE_KEYS, scope, strict=True)))
    desks = {d for d in (fact.desk_id, fact.info.desk_id if fact.info else None) if d}
    session.info.setdefault(DEFERRED_DIRTY, set()).update(desks)
    if not session.info.get(BULK):
        await write_deferred(session)


SCOPE_KEYS = ("request_id", "desk_id", "start_year", "home_nis")
BULK = "reporting_bulk"  # set by the bulk applier: index rows are written once, after the batch
DEFERRED_FACTS = "reporting_facts"
DEFERRED_LOCATIONS = "reporting_locations"
DEFERRED_SCOPE = "reporting_scope"
DEFERRED_DIRTY = "reporting_dirty"


async def write_deferred(session: AsyncSession) -> None:
    """Write the facts, index rows and marks collected so far in this transaction (once each)."""
    await insert_ignore(session, RequestFactRow, session.info.pop(DEFERRED_FACTS, []))
    await insert_ignore(session, LocationFactRow, session.info.pop(DEFERRED_LOCATIONS, []))
    scope = session.info.pop(DEFERRED_SCOPE, [])
    await insert_ignore(session, RequestScope, scope)
    desks: set[str] = session.info.pop(DEFERRED_DIRTY, set())
    marked: set[str] = session.info.setdefault("reporting_marked", set())
    await mark_dirty(session, desks - marked)
    marked.update(desks)


_MARKS: dict[str, Any] = {}


def _mark_statement(dialect: str) -> Any:
    """Built once per dialect: the mark runs in every projection transaction."""
    if dialect not in _MARKS:
        table = _table(StatsDirty)
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        _MARKS[dialect] = insert(table).on_conflict_do_update(index_elements=["desk_id"],
                                                              set_={"marks": table.c.marks + 1})
    return _MARKS[dialect]


async def mark_dirty(session: AsyncSession, desk_ids: set[str]) -> None:
    """Ask the hub-stream publisher to compute the municipalities of these desks again."""
    if not desk_ids:
        return
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    connection = await session.connection()
    rows = [{"desk_id": desk, "marks": 1} for desk in sorted(desk_ids)]
    await connection.execute(_mark_statement(dialect), rows[0] if len(rows) == 1 else rows)


async def store_location_fact(
    session: AsyncSession, *, event_id: str, location_id: str, provider_id: str, nis_code: str, kind: str,
    at: datetime, body: str,
) -> None:
    session.info.setdefault(DEFERRED_LOCATIONS, []).append({
        "event_id": event_id, "location_id": location_id, "provider_id": provider_id, "nis_code": nis_code,
        "kind": kind, "occurred_at": utc(at), "body": body})
    if not session.info.get(BULK):
        await write_deferred(session)


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
