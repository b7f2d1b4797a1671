"""Apply a whole batch of records in a few statements: the rebuild's fast path.

Same guarantees as the runtime's EventProcessor (services/runtime/consumer.py): the inbox rows
of the batch are claimed in the same transaction as the facts, and an event already claimed is
skipped. But the claims are one multi-row ``INSERT ... ON CONFLICT DO NOTHING RETURNING`` (on
SQLite: look up, then insert, under the write lock), the facts, locations and index rows one
``executemany`` each, instead of several statements per event. Parsing and the rows of each event
(fact_rows.py, the functions the live handlers use) are computed by ``prepare``, outside the
transaction, while the previous batch is written. An event with no rows of its own (a desk policy,
an upsert) goes through its live handler inside the transaction. If anything in the batch fails,
the batch is rolled back and handed to the EventProcessor, which applies it record by record with
its retries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import ConsumerRecord
from sqlalchemy.dialects.postgresql import insert as pg_insert

from contracts.envelope import Envelope
from services.reporting.adapters.fact_store import (
    BULK,
    DEFERRED_DIRTY,
    DEFERRED_FACTS,
    DEFERRED_LOCATIONS,
    DEFERRED_SCOPE,
    write_deferred,
)
from services.reporting.adapters.sqlite_bulk import existing_keys, insert_or_ignore
from services.reporting.fact_rows import SCOPE_KEYS, EventRows, ScopeKey, rows_of
from services.runtime.consumer import EventProcessor, Handler, PoisonRecord, parse_record
from services.runtime.uow import UnitOfWorkFactory

Item = tuple[ConsumerRecord[Any, Any], Envelope[Any], EventRows | None]
RowsOf = Callable[[Envelope[Any]], EventRows | None]


@dataclass(frozen=True)
class Prepared:
    """A parsed batch: its records, the events to apply (first of each id, with their rows) and
    what was left out."""

    records: Sequence[ConsumerRecord[Any, Any]]
    items: list[Item]
    skipped: int
    duplicates: int


class BulkApplier:
    def __init__(self, *, group: str, handlers: Mapping[str, Handler], uow: UnitOfWorkFactory,
                 fallback: EventProcessor, rows: RowsOf = rows_of) -> None:
        self._group = group
        self._handlers = handlers
        self._uow = uow
        self._fallback = fallback
        self._rows = rows
        self.applied = self.duplicates = self.skipped = 0

    def prepare(self, records: Sequence[ConsumerRecord[Any, Any]]) -> Prepared:
        """Parse a batch (CPU only): the rebuild parses the next batch while this one is written."""
        parsed: dict[str, Item] = {}
        skipped = duplicates = 0
        for record in records:
            try:
                envelope: Envelope[Any] | None = parse_record(record)
            except PoisonRecord:
                envelope = None  # poison: the live consumer dead-lettered it already
            if envelope is None:
                skipped += 1
            elif envelope.id in parsed:
                duplicates += 1  # the same event twice in one batch (a republished log)
            elif envelope.type in self._handlers:
                parsed[envelope.id] = (record, envelope, self._rows_or_handler(envelope))
        return Prepared(records, list(parsed.values()), skipped, duplicates)

    def _rows_or_handler(self, envelope: Envelope[Any]) -> EventRows | None:
        try:
            return self._rows(envelope)
        except Exception:  # noqa: BLE001 - the handler, in the transaction, fails or not: the fallback decides
            return None

    async def apply(self, batch: Sequence[ConsumerRecord[Any, Any]] | Prepared) -> None:
        prepared = batch if isinstance(batch, Prepared) else self.prepare(batch)
        if not prepared.items:
            self.skipped += prepared.skipped
            self.duplicates += prepared.duplicates
            return
        try:
            await self._apply(prepared.items)
        except Exception:  # one bad event must not hide the others: the careful path takes over
            await self._fallback.process_batch(prepared.records)  # it counts this batch itself
            return
        self.skipped += prepared.skipped
        self.duplicates += prepared.duplicates

    async def _apply(self, items: list[Item]) -> None:
        async with self._uow() as uow:
            session = uow.session
            session.info[BULK] = True
            fresh = await self._claim(uow, items)
            facts: list[dict[str, Any]] = []
            locations: list[dict[str, Any]] = []
            desks: set[str] = set()
            scope: dict[ScopeKey, dict[str, Any]] = {}
            for _, envelope, rows in items:
                if envelope.id not in fresh:
                    continue
                if rows is None:  # no rows of its own: the live handler, in this transaction
                    await self._handlers[envelope.type](uow, envelope)
                    continue
                if rows.fact is not None:
                    facts.append(rows.fact)
                if rows.location is not None:
                    locations.append(rows.location)
                if rows.scope is not None and rows.scope not in scope:
                    scope[rows.scope] = dict(zip(SCOPE_KEYS, rows.scope, strict=True))
                desks |= rows.desks
            info = session.info  # with what the handlers of this batch deferred, written once each
            info.setdefault(DEFERRED_FACTS, []).extend(facts)
            info.setdefault(DEFERRED_LOCATIONS, []).extend(locations)
            info.setdefault(DEFERRED_SCOPE, []).extend(scope.values())
            info.setdefault(DEFERRED_DIRTY, set()).update(desks)
            await write_deferred(session)
        self.applied += len(fresh)
        self.duplicates += len(items) - len(fresh)

    async def _claim(self, uow: Any, items: list[Item]) -> set[str]:
        """Claim the inbox rows of the batch; the ids that were not claimed before."""
        session = uow.session
        inbox = self._uow.tables.inbox
        now = uow._clock.now()  # noqa: SLF001 - the inbox time follows the service clock
        rows = [{"consumer_group": self._group, "event_id": e.id, "event_type": e.type, "topic": r.topic,
                 "kafka_partition": r.partition, "kafka_offset": r.offset, "processed_at": now}
                for r, e, _ in items]
        if self._uow.db.is_sqlite:  # the write lock is ours since BEGIN IMMEDIATE: look, then insert
            taken = await existing_keys(session, inbox, "event_id", [e.id for _, e, _ in items],
                                        consumer_group=self._group)
            rows = [row for row in rows if row["event_id"] not in taken]
            await insert_or_ignore(session, inbox, rows)
            return {row["event_id"] for row in rows}
        claimed = await session.execute(
            pg_insert(inbox).on_conflict_do_nothing(index_elements=["consumer_group", "event_id"])
            .returning(inbox.c.event_id), rows,
        )
        return {row[0] for row in claimed.all()}
