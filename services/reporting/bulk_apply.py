"""Apply a whole batch of records in a few statements: the rebuild's fast path.

Same guarantees as the runtime's EventProcessor (services/runtime/consumer.py): the inbox rows
of the batch are claimed in the same transaction as the facts, and an event already claimed is
skipped. But the claims are one multi-row ``INSERT ... ON CONFLICT DO NOTHING RETURNING``, the
facts one flush, and the index rows one insert, instead of several statements per event. If
anything in the batch fails, the batch is rolled back and handed to the EventProcessor, which
applies it record by record with its retries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import ConsumerRecord
from sqlalchemy.dialects.postgresql import insert as pg_insert

from contracts.envelope import Envelope
from services.reporting.adapters.fact_store import BULK, write_deferred
from services.reporting.adapters.sqlite_bulk import existing_keys, insert_or_ignore
from services.runtime.consumer import EventProcessor, Handler, PoisonRecord, parse_record
from services.runtime.uow import UnitOfWorkFactory


@dataclass(frozen=True)
class Prepared:
    """A parsed batch: its records, the events to apply (first of each id) and what was left out."""

    records: Sequence[ConsumerRecord[Any, Any]]
    items: list[tuple[ConsumerRecord[Any, Any], Envelope[Any]]]
    skipped: int
    duplicates: int


class BulkApplier:
    def __init__(self, *, group: str, handlers: Mapping[str, Handler], uow: UnitOfWorkFactory,
                 fallback: EventProcessor) -> None:
        self._group = group
        self._handlers = handlers
        self._uow = uow
        self._fallback = fallback
        self.applied = self.duplicates = self.skipped = 0

    def prepare(self, records: Sequence[ConsumerRecord[Any, Any]]) -> Prepared:
        """Parse a batch (CPU only): the rebuild parses the next batch while this one is written."""
        parsed: dict[str, tuple[ConsumerRecord[Any, Any], Envelope[Any]]] = {}
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
                parsed[envelope.id] = (record, envelope)
        return Prepared(records, list(parsed.values()), skipped, duplicates)

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

    async def _apply(self, items: list[tuple[ConsumerRecord[Any, Any], Envelope[Any]]]) -> None:
        async with self._uow() as uow:
            session = uow.session
            session.info[BULK] = True
            inbox = self._uow.tables.inbox
            now = uow._clock.now()  # noqa: SLF001 - the inbox time follows the service clock
            rows = [{"consumer_group": self._group, "event_id": e.id, "event_type": e.type, "topic": r.topic,
                     "kafka_partition": r.partition, "kafka_offset": r.offset, "processed_at": now}
                    for r, e in items]
            if self._uow.db.is_sqlite:  # the write lock is ours since BEGIN IMMEDIATE: look, then insert
                ids = [e.id for _, e in items]
                taken = await existing_keys(session, inbox, "event_id", ids, consumer_group=self._group)
                rows = [row for row in rows if row["event_id"] not in taken]
                await insert_or_ignore(session, inbox, rows)
                fresh = {row["event_id"] for row in rows}
            else:
                claimed = await session.execute(
                    pg_insert(inbox).on_conflict_do_nothing(index_elements=["consumer_group", "event_id"])
                    .returning(inbox.c.event_id), rows,
                )
                fresh = {row[0] for row in claimed.all()}
            for _, envelope in items:
                if envelope.id in fresh:
                    await self._handlers[envelope.type](uow, envelope)
            await write_deferred(session)
        self.applied += len(fresh)
        self.duplicates += len(items) - len(fresh)
