"""Writing facts: one row per applied event, in the consumer's transaction (with its inbox row).

The inbox row claimed in the same transaction guarantees a fact is written once per event (a
repeat in the same batch is refused by the inbox before the handler runs), so facts are plain
inserts; index rows that many events share are inserted "if not there yet".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
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
from services.reporting.fact_rows import SCOPE_KEYS, desks_of, request_fact_row, scope_key, utc
from services.runtime.upserts import conflict_insert, dialect_of

__all__ = ["SCOPE_KEYS", "insert_ignore", "mark_dirty", "store_location_fact", "store_policy", "store_request_fact",
           "utc", "write_deferred"]


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


async def insert_ignore(session: AsyncSession, model: Any, rows: list[dict[str, Any]]) -> None:
    """One statement for all *rows* (executemany: compiled once), keeping rows already there."""
    if not rows:
        return
    if is_sqlite(session):
        await insert_or_ignore(session, _table(model), rows)
        return
    await session.execute(conflict_insert(dialect_of(session), _table(model)).on_conflict_do_nothing(), rows)


async def store_request_fact(session: AsyncSession, fact: Fact) -> None:
    """The fact, its scope keys, and a mark for the hub publisher.

    Statements per event are what a rebuild pays for: in a bulk transaction everything is written
    once after the batch (write_deferred); scope keys and marks are written once per transaction.
    """
    session.info.setdefault(DEFERRED_FACTS, []).append(request_fact_row(fact))
    seen: set[tuple[object, ...]] = session.info.setdefault("reporting_written", set())
    scope = scope_key(fact)
    if scope is not None and scope not in seen:
        seen.add(scope)
        session.info.setdefault(DEFERRED_SCOPE, []).append(dict(zip(SCOPE_KEYS, scope, strict=True)))
    session.info.setdefault(DEFERRED_DIRTY, set()).update(desks_of(fact))
    if not session.info.get(BULK):
        await write_deferred(session)


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
        _MARKS[dialect] = conflict_insert(dialect, table).on_conflict_do_update(index_elements=["desk_id"],
                                                              set_={"marks": table.c.marks + 1})
    return _MARKS[dialect]


async def mark_dirty(session: AsyncSession, desk_ids: set[str]) -> None:
    """Ask the hub-stream publisher to compute the municipalities of these desks again."""
    if not desk_ids:
        return
    dialect = dialect_of(session)
    connection = await session.connection()
    rows = [{"desk_id": desk, "marks": 1} for desk in sorted(desk_ids)]
    await connection.execute(_mark_statement(dialect), rows[0] if len(rows) == 1 else rows)


async def store_location_fact(session: AsyncSession, row: dict[str, Any]) -> None:
    """*row*: fact_rows.location_row of the event."""
    session.info.setdefault(DEFERRED_LOCATIONS, []).append(row)
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
