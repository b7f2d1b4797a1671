"""Rebuild the projection from the start of the log, on command.

1. In one transaction: forget every fact and the inbox rows of ``reporting.projection``.
2. Read every partition of every consumed topic from its beginning; parse each batch and compute
   its rows with the live handlers' functions (fact_rows.py) while the previous batch is written
   with the live consumer's inbox, a whole batch in a few statements (bulk_apply.py); a batch that
   fails goes through the runtime's ``EventProcessor`` (one by one, retries).
3. Stop once every partition is past what the log held (and what the live group had consumed)
   when the rebuild began, the consumer holds nothing more and the broker announces no later end.

The garbage collector is tuned for the batch job while it runs (batch_gc.py).

The live service may keep running: both write through the same inbox, so an event is applied
once whoever reads it first. If the broker lost its log, the producers' relays refill it from
their outboxes (services/runtime/relay.py) and the rebuild replays what they republished.
Records that cannot be applied were dead-lettered by the live consumer already; the rebuild
counts and logs them instead of dead-lettering them twice.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.reporting.adapters.projection_state import mark_all_desks_dirty, reset, status
from services.reporting.batch_gc import collector_for_batches
from services.reporting.bootstrap import PROJECTION_GROUP
from services.reporting.bulk_apply import BulkApplier
from services.reporting.handlers import PROJECTION_HANDLERS
from services.reporting.rebuild_log import at_end, past_targets, targets_of
from services.runtime.consumer import EventProcessor
from services.runtime.kafka import client_kwargs
from services.runtime.logs import get_logger
from services.runtime.settings import ServiceSettings
from services.runtime.uow import UnitOfWorkFactory

log = get_logger(__name__)
Progress = Callable[[int, int], None]
IDLE_GIVE_UP_SECONDS = 20.0
OVERLAP = True
POLL_MS = 500
DEFAULT_BATCH = 2000  # records per transaction (and per fetch from the consumer's buffer)


@dataclass(frozen=True)
class RebuildResult:
    records: int
    applied: int
    duplicates: int
    skipped: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


class _NoSecondDeadLetter:
    """Stands in for the dead-letter producer during a rebuild: counts and logs instead."""

    def __init__(self) -> None:
        self.skipped = 0

    async def send_and_wait(self, topic: str, value: Any = None, key: Any = None, headers: Any = None) -> None:
        self.skipped += 1
        log.warning("rebuild skips a record that cannot be applied", dead_letter_topic=topic)


class Rebuilder:
    def __init__(self, *, settings: ServiceSettings, uow: UnitOfWorkFactory, progress: Progress | None = None,
                 batch: int = DEFAULT_BATCH) -> None:
        self._settings = settings
        self._uow = uow
        self._progress = progress or (lambda done, total: None)
        self._batch = batch

    async def run(self) -> RebuildResult:
        with collector_for_batches():
            return await self._run()

    async def _run(self) -> RebuildResult:
        started = time.monotonic()
        async with self._uow() as uow:
            await reset(uow.session, self._uow.tables, group=PROJECTION_GROUP, now=uow._clock.now())  # noqa: SLF001
        sink = _NoSecondDeadLetter()
        processor = EventProcessor(
            group=PROJECTION_GROUP, handlers=PROJECTION_HANDLERS, uow=self._uow,
            dlt_producer=lambda: cast(AIOKafkaProducer, sink), max_attempts=self._settings.consumer_max_attempts,
            retry_base_seconds=self._settings.consumer_retry_base_seconds,
        )
        bulk = BulkApplier(group=PROJECTION_GROUP, handlers=PROJECTION_HANDLERS, uow=self._uow, fallback=processor)
        consumer = AIOKafkaConsumer(**client_kwargs(self._settings), enable_auto_commit=False,
                                    auto_offset_reset="earliest", max_poll_records=self._batch,
                                    fetch_max_wait_ms=100)  # tansu holds an empty fetch this long
        await consumer.start()
        try:
            records = await self._replay(consumer, bulk)
        finally:
            await consumer.stop()
        await self._finish(records)
        stats = processor.stats
        return RebuildResult(records=records, applied=bulk.applied + stats.applied,
                             duplicates=bulk.duplicates + stats.duplicates, skipped=bulk.skipped + sink.skipped,
                             seconds=time.monotonic() - started)

    async def _replay(self, consumer: AIOKafkaConsumer, bulk: BulkApplier) -> int:
        await consumer.topics()  # loads metadata of every topic
        targets = await targets_of(self._settings, consumer)
        consumer.assign(list(targets))
        await consumer.seek_to_beginning(*targets)
        starts = await consumer.beginning_offsets(list(targets))
        total = sum(max(end - starts.get(tp, 0), 0) for tp, end in targets.items())
        await self._record_total(total)
        done = 0
        idle_since = time.monotonic()
        self._progress(0, total)
        writing: asyncio.Task[None] | None = None  # one batch is written while the next is read and parsed
        try:
            wait = True
            while True:
                # past the targets, take what the consumer holds already (timeout 0): the rest of a
                # record batch that straddles the announced end (see _at_end) is in its buffer
                past = await past_targets(consumer, targets)
                batches = await consumer.getmany(timeout_ms=POLL_MS if wait or not past else 0,
                                                 max_records=self._batch)
                records = [record for items in batches.values() for record in items]
                if records:
                    prepared = bulk.prepare(records)
                    if writing is not None:
                        await writing
                    writing = asyncio.create_task(bulk.apply(prepared))
                    if not OVERLAP:
                        await writing
                    done += len(records)
                    idle_since = time.monotonic()
                    self._progress(done, max(total, done))
                    wait = False
                    continue
                if past:
                    if await at_end(consumer, list(targets)):
                        break
                    wait = True  # more was appended meanwhile: wait for it rather than spin
                    continue
                if time.monotonic() - idle_since > IDLE_GIVE_UP_SECONDS:
                    behind = [tp for tp, end in targets.items() if await consumer.position(tp) < end]
                    log.warning("rebuild stops: the log ends before the offsets the broker announced",
                                partitions=[f"{tp.topic}/{tp.partition}" for tp in behind])
                    break
            if writing is not None:
                await writing
            self._progress(done, done)
            return done
        finally:
            if writing is not None and not writing.done():
                writing.cancel()

    async def _record_total(self, total: int) -> None:
        async with self._uow() as uow:
            row = await status(uow.session)
            row.rebuild_total = total
            uow.session.add(row)

    async def _finish(self, records: int) -> None:
        async with self._uow() as uow:
            row = await status(uow.session)
            row.state, row.rebuild_events = "live", records
            row.rebuild_finished_at = uow._clock.now()  # noqa: SLF001 - operational metadata, not a fact
            uow.session.add(row)
            await mark_all_desks_dirty(uow.session)
