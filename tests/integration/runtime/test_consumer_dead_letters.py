"""Consuming real records: applied once, poison and failing records dead-lettered with their origin."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from contracts.builder import envelope_for
from contracts.envelope import Envelope, encode
from services.runtime.consumer import EventProcessor
from services.runtime.kafka import ensure_topics
from services.runtime.settings import load_settings
from services.runtime.uow import UnitOfWork
from tests.integration.runtime.harness import Harness, sqlite_url, withdrawn
from tests.support.bus import read_all

TOPIC = "intake.request.v1"


class FailingHandler(Exception):
    pass


@pytest.fixture
async def producer(bootstrap: str) -> AsyncIterator[AIOKafkaProducer]:
    await ensure_topics(load_settings("intake", kafka_bootstrap_servers=bootstrap))
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    yield producer
    await producer.stop()


async def apply(uow: UnitOfWork, event: Envelope[Any]) -> None:
    if event.data.reason == "other":
        raise FailingHandler("handler refuses reason 'other'")
    await uow.session.execute(uow_table(uow).insert().values(request_id=event.data.request_id,
                                                             reason=event.data.reason))


def uow_table(uow: UnitOfWork) -> Any:
    return uow._tables.outbox.metadata.tables["applied"]  # noqa: SLF001


async def consume(bootstrap: str, group: str, expected: int) -> list[Any]:
    consumer = AIOKafkaConsumer(TOPIC, bootstrap_servers=bootstrap, group_id=group, auto_offset_reset="earliest",
                                enable_auto_commit=False)
    await consumer.start()
    records: list[Any] = []
    try:
        while len(records) < expected:
            for items in (await consumer.getmany(timeout_ms=1000)).values():
                records.extend(items)
    finally:
        await consumer.stop()
    return records


async def test_duplicates_once_poison_and_failures_dead_lettered(
    tmp_path: Path, bootstrap: str, producer: AIOKafkaProducer
) -> None:
    harness = Harness(sqlite_url(tmp_path))
    await harness.create()
    good = envelope_for(withdrawn("r-good"), occurred_at=withdrawn("x").withdrawn_at, correlation_id="c1")
    failing = envelope_for(withdrawn("r-fail", reason="other"), occurred_at=good.time, correlation_id="c2")
    later = envelope_for(withdrawn("r-later"), occurred_at=good.time, correlation_id="c3")
    sent = []
    for envelope in (good, good, failing):  # the same event twice: a redelivery
        key, value, headers = encode(envelope)
        sent.append(await producer.send_and_wait(TOPIC, value, key=key, partition=0,
                                                 headers=[(k, v.encode()) for k, v in headers.items()]))
    poison = await producer.send_and_wait(TOPIC, b"{broken json", key=b"p", partition=0)
    key, value, _ = encode(later)
    await producer.send_and_wait(TOPIC, value, key=key, partition=0)

    processor = EventProcessor(group="test.apply", handlers={"RequestWithdrawn": apply}, uow=harness.uow,
                               dlt_producer=lambda: producer, max_attempts=3, retry_base_seconds=0)
    records = await consume(bootstrap, "test.apply", 5)
    await processor.process_batch(records)  # one batch with a duplicate, a failing and a poison record

    assert await harness.applied_ids() == ["r-good", "r-later"]
    assert processor.stats.applied == 2
    assert processor.stats.duplicates == 1
    assert processor.stats.dead_lettered == 2
    dead = await read_all(bootstrap, f"{TOPIC}.dlt")
    by_offset = {int(dict(r.headers)["dlt-original-offset"]): dict(r.headers) for r in dead}
    assert by_offset[sent[2].offset]["dlt-attempts"] == b"3", "the failing handler was tried three times"
    assert b"FailingHandler" in by_offset[sent[2].offset]["dlt-error"]
    assert by_offset[poison.offset]["dlt-attempts"] == b"1", "poison is not retried"
    assert by_offset[poison.offset]["dlt-original-topic"] == TOPIC.encode()
    assert by_offset[poison.offset]["dlt-consumer-group"] == b"test.apply"
    assert json.loads(next(r.value for r in dead if r.key == failing.subject.encode()))["id"] == failing.id

    await processor.process_batch(records)  # the whole batch delivered again after a crash
    assert await harness.applied_ids() == ["r-good", "r-later"]
