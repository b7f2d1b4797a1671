"""The outbox relay against a real broker: waits out an outage, publishes in order, nothing lost."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import cast

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from infra.local.processes import ManagedProcess
from services.runtime.kafka import ensure_topics, make_producer
from services.runtime.relay import OutboxRelay
from services.runtime.settings import load_settings
from tests.integration.runtime.harness import Harness, sqlite_url, withdrawn
from tests.support.waiting import eventually


async def read_topic(bootstrap: str, topic: str, expected: int) -> list[tuple[bytes, bytes]]:
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, group_id=None)
    await consumer.start()
    records: list[tuple[bytes, bytes]] = []
    try:
        async def more() -> int:
            for items in (await consumer.getmany(timeout_ms=500)).values():
                records.extend((r.key, r.value) for r in items)
            return len(records)

        await eventually(more, until=lambda n: n >= expected, what=f"{expected} records on {topic}")
    finally:
        await consumer.stop()
    return records


pytestmark = [pytest.mark.postgres]


async def relay_on_live_broker(tmp_path: Path, bootstrap: str) -> tuple[Harness, AIOKafkaProducer, OutboxRelay]:
    """intake's outbox in a fresh SQLite file, a started producer and the relay between them."""
    settings = load_settings("intake", kafka_bootstrap_servers=bootstrap)
    await ensure_topics(settings)
    harness = Harness(sqlite_url(tmp_path))
    await harness.create()
    producer = make_producer(settings)
    await producer.start()
    relay = OutboxRelay(db=harness.db, tables=harness.tables, settings=settings, producer=lambda: producer,
                        clock=harness.uow.clock)
    return harness, producer, relay


async def test_relay_waits_for_the_broker_then_publishes_everything_in_order(
    tmp_path: Path, broker: ManagedProcess, bootstrap: str
) -> None:
    settings = load_settings("intake", kafka_bootstrap_servers=bootstrap, outbox_poll_seconds=0.1)
    await ensure_topics(settings)
    harness = Harness(sqlite_url(tmp_path))
    await harness.create()
    broker.kill()  # the broker is down before anything is published
    producer = make_producer(settings)
    relay = OutboxRelay(db=harness.db, tables=harness.tables, settings=settings, producer=lambda: producer,
                        clock=harness.uow.clock)
    for index in range(5):
        async with harness.uow() as uow:
            await uow.emit(withdrawn(f"req-{index % 2}", reason="found_elsewhere"))
    task = None
    try:
        broker.start()
        await ensure_topics(settings)
        await producer.start()
        broker.kill()  # down again while the relay runs: it must keep the rows and retry
        task = asyncio.create_task(relay.run())
        await eventually(harness.outbox_rows, until=lambda rows: any(r["attempts"] for r in rows),
                         what="a failed publish attempt recorded", timeout=60)
        assert all(r["status"] == "pending" for r in await harness.outbox_rows())
        broker.start()
        await ensure_topics(settings)
        relay.wake()
        await eventually(harness.outbox_rows, until=lambda rows: all(r["status"] == "published" for r in rows),
                         what="all rows published", timeout=90)
    finally:
        relay.stop()
        if task:
            await asyncio.wait_for(task, 10)
        await producer.stop()
    records = await read_topic(bootstrap, "intake.request.v1", 5)
    event_ids = [cast(str, r["event_id"]) for r in await harness.outbox_rows()]  # a String(36) column
    import json

    published = [json.loads(v)["id"] for _, v in records]
    for key in (b"req-0", b"req-1"):  # per key (aggregate) the order of the outbox is kept
        in_topic = [json.loads(v)["id"] for k, v in records if k == key]
        assert in_topic == [e for e in event_ids if e in in_topic]
    assert sorted(published) == sorted(event_ids)


async def test_relay_republishes_when_the_broker_lost_its_log(
    tmp_path: Path, broker: ManagedProcess, bootstrap: str
) -> None:
    harness, producer, relay = await relay_on_live_broker(tmp_path, bootstrap)
    try:
        async with harness.uow() as uow:
            for index in range(3):
                await uow.emit(withdrawn(f"lost-{index}"))
        assert await relay.publish_pending() == 3
        assert await relay.detect_lost_log() is False, "an intact log is not reported lost"
        broker.restart()  # memory-only broker: the log is gone
        assert await relay.detect_lost_log() is True
        republished = 0

        async def republish() -> int:  # the fresh broker may refuse the first sends while it starts up
            nonlocal republished
            republished += await relay.publish_pending()
            return republished

        assert await eventually(republish, until=lambda n: n >= 3, what="the lost rows republished") == 3
        assert await relay.detect_lost_log() is False
    finally:
        await producer.stop()
    assert len(await read_topic(bootstrap, "intake.request.v1", 3)) == 3


async def test_relay_republishes_when_new_events_reach_the_fresh_log_first(
    tmp_path: Path, broker: ManagedProcess, bootstrap: str
) -> None:
    """The broker restarts and a new event is published before the periodic read-back runs: the
    partition hands out an offset the relay already wrote at, so everything retained goes again."""
    harness, producer, relay = await relay_on_live_broker(tmp_path, bootstrap)
    try:
        async with harness.uow() as uow:
            for _ in range(3):
                await uow.emit(withdrawn("same-key", reason="found_elsewhere"))
        assert await relay.publish_pending() == 3
        broker.restart()  # memory-only broker: the log is gone
        await ensure_topics(load_settings("intake", kafka_bootstrap_servers=bootstrap))
        async with harness.uow() as uow:
            await uow.emit(withdrawn("same-key", reason="moved"))

        async def publish() -> int:
            return await relay.publish_pending()

        await eventually(publish, until=lambda sent: sent == 1, what="the new event published", timeout=60)
        assert relay.republish_rounds == 1, "the offset going back was noticed at once"
        assert await relay.publish_pending() == 4, "the three lost events and the new one go again"
    finally:
        await producer.stop()
    assert len(await read_topic(bootstrap, "intake.request.v1", 5)) >= 4


async def test_relay_notices_a_topic_re_created_with_fewer_partitions(
    tmp_path: Path, broker: ManagedProcess, bootstrap: str
) -> None:
    """After a broker restart a client may auto-create the topic with fewer partitions than we wrote
    to: that is a lost log too (asking for the offsets of a missing partition would only time out)."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    harness, producer, relay = await relay_on_live_broker(tmp_path, bootstrap)
    try:
        async with harness.uow() as uow:
            for index in range(12):  # spread over the six partitions
                await uow.emit(withdrawn(f"spread-{index}"))
        assert await relay.publish_pending() == 12
        broker.restart()

        async def one_partition() -> bool:  # as a client's auto-creation would; the broker may still start
            admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
            await admin.start()
            try:
                await admin.create_topics([NewTopic("intake.request.v1", 1, 1)])
            finally:
                await admin.close()
            return True

        await eventually(one_partition, what="the topic re-created with one partition")
        assert await asyncio.wait_for(relay.detect_lost_log(), 30) is True
        sent = 0

        async def republish() -> int:
            nonlocal sent
            sent += await relay.publish_pending()
            return sent

        assert await eventually(republish, until=lambda n: n >= 12, what="everything republished") == 12
        assert await relay.detect_lost_log() is False, "once republished, the new layout is not a loss"
    finally:
        await producer.stop()


async def test_only_one_relay_of_a_service_publishes(tmp_path: Path, bootstrap: str, db_engine: str,
                                                     postgres: object) -> None:
    """Two replicas: one relay leads (per-key order), the other stands by until the leader goes."""
    from tests.support.postgres import PostgresServer

    url = postgres.create_database("relay_leader") if isinstance(postgres, PostgresServer) else sqlite_url(tmp_path)
    settings = load_settings("intake", kafka_bootstrap_servers=bootstrap)
    first, second = Harness(url), Harness(url)
    await first.create()
    relays = [OutboxRelay(db=h.db, tables=h.tables, settings=settings, producer=lambda: None,  # type: ignore[arg-type,return-value]
                          clock=h.uow.clock) for h in (first, second)]
    leaders = [await relay.is_leader() for relay in relays]
    if first.db.is_sqlite:
        assert leaders == [True, True], "a SQLite file has one process: no election needed"
    else:
        assert leaders == [True, False]
        await relays[0].release()
        assert await relays[1].is_leader(), "the standby takes over when the leader goes"
    for relay in relays:
        await relay.release()
