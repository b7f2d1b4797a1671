"""Outbox relay: publishes committed events to Kafka, in order, at least once.

* Rows are claimed by status and lease (never by ``id > last_id``, which skips rows committed
  out of id order); a crashed relay's lease simply expires.
* While the broker is down it retries with exponential backoff; nothing is lost, the rows wait.
* Published rows are kept for a retention window. If the broker lost its log (the embedded
  tansu broker keeps it in memory), the relay notices that a partition ends before the offsets
  it once wrote there and republishes every retained row; consumers' inboxes drop the repeats.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
import zlib
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import OffsetOutOfRangeError
from sqlalchemy import and_, delete, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.runtime.clock import Clock
from services.runtime.db import Database
from services.runtime.kafka import client_kwargs
from services.runtime.log_rewind import behind_the_log
from services.runtime.logs import get_logger
from services.runtime.settings import ServiceSettings
from services.runtime.tables import MessagingTables
from services.runtime.upserts import conflict_insert

log = get_logger(__name__)

LEASE = timedelta(seconds=30)
BATCH = 500
MAX_BACKOFF = 10.0


class OutboxRelay:
    def __init__(
        self,
        *,
        db: Database,
        tables: MessagingTables,
        settings: ServiceSettings,
        producer: Callable[[], AIOKafkaProducer],
        clock: Clock,
    ) -> None:
        self._db = db
        self._tables = tables
        self._settings = settings
        self._producer = producer
        self._clock = clock
        self._owner = f"{settings.service}-{uuid.uuid4().hex[:8]}"
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self.published_total = 0
        self.republish_rounds = 0
        self._leader_conn: AsyncConnection | None = None
        # told when the broker lost its log: the process's consumers must read from the start again
        self.on_lost_log: Callable[[], Coroutine[Any, Any, None]] | None = None
        self._lost_log_task: asyncio.Task[None] | None = None

    async def is_leader(self) -> bool:
        """One relay per service publishes, so that per-key order holds across replicas.

        On PostgreSQL the leader holds a session advisory lock on a connection of its own (released
        by the server if the leader dies); a SQLite file is only ever used by one process.
        """
        if self._db.is_sqlite:
            return True
        if self._leader_conn is not None and not self._leader_conn.closed:
            return True
        conn = await self._db.engine.connect()
        key = zlib.crc32(f"relay:{self._settings.service}".encode())
        got = (await conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key})).scalar()
        await conn.commit()
        if got:
            self._leader_conn = conn
            log.info("outbox relay is the leader", owner=self._owner)
            return True
        await conn.close()
        return False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    async def release(self) -> None:
        if self._leader_conn is not None:
            conn, self._leader_conn = self._leader_conn, None
            await conn.execute(text("SELECT pg_advisory_unlock_all()"))  # pooled connections outlive close()
            await conn.commit()
            await conn.close()

    async def run(self) -> None:
        """Publish until stopped; check for a lost broker log every few seconds."""
        backoff = 0.1
        last_check = 0.0
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            try:
                if not await self.is_leader():
                    await self._sleep(2)
                    continue
                if loop.time() - last_check > 10:
                    try:
                        await self.detect_lost_log()
                        await self.purge_expired()
                    finally:  # a check that fails or hangs must not starve publishing: next one in 10 s
                        last_check = loop.time()
                self._wake.clear()  # a commit from here on wakes the next round, even during this one
                sent = await self.publish_pending()
                backoff = 0.1
                if sent >= BATCH:  # more may be waiting; fewer means the claim took all there was
                    continue
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # broker or database unavailable: wait and retry
                log.warning("outbox relay retrying", error=repr(exc), backoff=backoff)
                await self._sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                continue
            await self._sleep(self._settings.outbox_poll_seconds, clear=False)

    async def _sleep(self, seconds: float, *, clear: bool = True) -> None:
        if clear:
            self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)

    async def _claim(self) -> list[Any]:
        """Lease the oldest unpublished rows and read them, in one statement (UPDATE ... RETURNING).

        The lease is checked again by the UPDATE itself; on PostgreSQL the rows are also locked with
        SKIP LOCKED, so another relay passes over them instead of waiting."""
        outbox = self._tables.outbox
        now = self._clock.now()
        free = and_(outbox.c.status == "pending", or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now))
        pending = select(outbox.c.id).where(free).order_by(outbox.c.id).limit(BATCH)
        if not self._db.is_sqlite:
            pending = pending.with_for_update(skip_locked=True)
        async with self._db.session() as session:
            rows = (await session.execute(
                update(outbox).where(outbox.c.id.in_(pending.scalar_subquery()), free)
                .values(lease_owner=self._owner, lease_until=now + LEASE).returning(*outbox.c)
            )).all()
            await session.commit()
        return sorted(rows, key=lambda row: row.id)

    async def publish_pending(self) -> int:
        rows = await self._claim()
        if not rows:
            return 0
        outbox = self._tables.outbox
        try:
            futures = [
                await self._producer().send(
                    row.topic,
                    value=row.payload.encode(),
                    key=row.message_key.encode(),
                    headers=[(k, v.encode()) for k, v in json.loads(row.headers).items()],
                )
                for row in rows
            ]
            results = await asyncio.gather(*futures)
        except Exception as exc:
            async with self._db.engine.begin() as conn:
                await conn.execute(
                    update(outbox).where(outbox.c.id.in_([r.id for r in rows]))
                    .values(lease_owner=None, lease_until=None, attempts=outbox.c.attempts + 1,
                            last_error=repr(exc)[:500])
                )
            raise
        highest: dict[tuple[str, int], tuple[int, str]] = {}
        for row, meta in zip(rows, results, strict=True):
            key = (meta.topic, meta.partition)
            if meta.offset > highest.get(key, (-1, ""))[0]:
                highest[key] = (meta.offset, row.event_id)
        now = self._clock.now()
        async with self._db.engine.begin() as conn:
            await conn.execute(
                update(outbox).where(outbox.c.id.in_([r.id for r in rows]))
                .values(status="published", published_at=now, lease_owner=None, lease_until=None)
            )
            went_back = await self._offsets_went_back(conn, highest)
            await self._record_offsets(conn, highest)
        self.published_total += len(rows)
        if went_back:
            await self.republish_all()
        return len(rows)

    async def _offsets_went_back(self, session: Any, highest: dict[tuple[str, int], tuple[int, str]]) -> bool:
        """A partition that hands out an offset we already wrote at has lost its log (a restarted
        in-memory broker). Checked on every publish: the periodic read-back alone misses a loss when
        new events reach the fresh log before the check runs."""
        table = self._tables.published_offsets
        known = {(row.topic, row.kafka_partition): row.max_offset
                 for row in (await session.execute(select(table))).all()}
        return any(offset <= known.get(key, -1) for key, (offset, _) in highest.items())

    async def _record_offsets(self, session: Any, highest: dict[tuple[str, int], tuple[int, str]]) -> None:
        if not highest:
            return
        table = self._tables.published_offsets
        insert = conflict_insert(self._db.engine.dialect.name, table)
        upsert = insert.on_conflict_do_update(  # one statement, the partitions as parameters
            index_elements=["topic", "kafka_partition"],
            set_={"max_offset": insert.excluded.max_offset, "event_id": insert.excluded.event_id},
        )
        await session.execute(upsert, [
            {"topic": topic, "kafka_partition": partition, "max_offset": offset, "event_id": event_id}
            for (topic, partition), (offset, event_id) in highest.items()
        ])

    async def detect_lost_log(self) -> bool:
        """True (and everything retained queued again) when the broker forgot what we wrote.

        For every partition we wrote to, read back the last record we published there and
        compare its event id. Offsets reported by the broker (end offsets) are not trusted:
        tansu under-reports them after batched produces.
        """
        table = self._tables.published_offsets
        async with self._db.session(readonly=True) as session:
            known = list((await session.execute(select(table))).all())
            await session.commit()
        if not known:
            return False
        lost = await self._any_missing(known)
        if lost:
            await self.republish_all()
        return lost

    async def _any_missing(self, known: list[Any]) -> bool:
        consumer = AIOKafkaConsumer(
            **client_kwargs(self._settings), enable_auto_commit=False, auto_offset_reset="none",
            fetch_max_wait_ms=100,
        )
        await consumer.start()
        try:
            if {row.topic for row in known} - set(await consumer.topics()):
                return True
            # a restarted broker may have re-created a topic (auto-created by a client) with fewer
            # partitions: asking for the offsets of a partition that no longer exists only times out
            if any(row.kafka_partition not in (consumer.partitions_for_topic(row.topic) or set()) for row in known):
                return True
            expected = {TopicPartition(row.topic, row.kafka_partition): row for row in known}
            consumer.assign(list(expected))
            for partition, row in expected.items():
                consumer.seek(partition, row.max_offset)
            pending = dict(expected)
            deadline = asyncio.get_running_loop().time() + 5
            while pending and asyncio.get_running_loop().time() < deadline:
                try:
                    batches = await consumer.getmany(*pending, timeout_ms=500)
                except OffsetOutOfRangeError:
                    return True
                for partition, records in batches.items():
                    row = pending.pop(partition, None)
                    if row is None or not records:
                        continue
                    first = records[0]
                    event_id = dict(first.headers or ()).get("ce_id", b"").decode()
                    if first.offset != row.max_offset or event_id != row.event_id:
                        return True
            # tansu answers an out-of-range fetch with silence, not an error: a partition that stayed
            # silent has lost what we wrote there when its fetches said it ends at or before our offset.
            # That end is the high watermark of the fetch answers (tansu's ListOffsets under-reports
            # after batched produces, and trusting it raised false alarms); no answer at all is no proof.
            return any(behind_the_log(row.max_offset + 1, consumer.highwater(partition))  # read on after our record
                       for partition, row in pending.items())
        finally:
            await consumer.stop()

    async def republish_all(self) -> int:
        """Queue every retained published row again (after the broker lost its log). The topics are
        back already: the producer's new connection re-created them (runtime/topic_guard.py)."""
        outbox = self._tables.outbox
        async with self._db.session() as session:
            result = await session.execute(
                update(outbox).where(outbox.c.status == "published")
                .values(status="pending", lease_owner=None, lease_until=None)
            )
            await session.execute(delete(self._tables.published_offsets))
            await session.commit()
        count = int(result.rowcount or 0)  # type: ignore[attr-defined]
        self.republish_rounds += 1
        log.warning("broker lost its log: republishing retained events", events=count)
        self.wake()
        if self.on_lost_log is not None and (self._lost_log_task is None or self._lost_log_task.done()):
            self._lost_log_task = asyncio.create_task(self.on_lost_log(), name="rewind-consumers")
        return count

    async def purge_expired(self) -> int:
        outbox = self._tables.outbox
        cutoff = self._clock.now() - timedelta(days=self._settings.outbox_retention_days)
        async with self._db.session() as session:
            result = await session.execute(
                delete(outbox).where(and_(outbox.c.status == "published", outbox.c.published_at < cutoff))
            )
            await session.commit()
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def pending_count(self) -> int:
        from sqlalchemy import func

        outbox = self._tables.outbox
        async with self._db.session(readonly=True) as session:
            value = (await session.execute(
                select(func.count()).select_from(outbox).where(outbox.c.status == "pending")
            )).scalar_one()
            await session.commit()
        return int(value)
