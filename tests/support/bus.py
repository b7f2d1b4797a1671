"""Raw Kafka access for tests: produce arbitrary bytes, read a dead-letter topic."""

from __future__ import annotations

import json
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from contracts.registry import parse_event


async def produce_raw(
    bootstrap: str, topic: str, value: bytes, *, key: bytes | None = None, partition: int | None = None,
    headers: list[tuple[str, bytes]] | None = None,
) -> Any:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        return await producer.send_and_wait(topic, value, key=key, partition=partition, headers=headers)
    finally:
        await producer.stop()


async def read_all(bootstrap: str, topic: str, *, partitions: int = 1, timeout_ms: int = 1000) -> list[Any]:
    """Every record currently in *topic* (no consumer group, from the beginning)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in range(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        records: list[Any] = []
        while True:
            batch = await consumer.getmany(timeout_ms=timeout_ms)
            if not batch:
                return records
            for items in batch.values():
                records.extend(items)
    finally:
        await consumer.stop()


async def read_events(bootstrap: str, topic: str, *, partitions: int = 1, timeout_ms: int = 1000) -> list[Any]:
    """The events in *topic* as JSON objects. Records that are not one are skipped: on the suite's
    shared bus the abuse tests leave poison records (malformed, oversized, wrongly typed) on purpose."""
    events = []
    for record in await read_all(bootstrap, topic, partitions=partitions, timeout_ms=timeout_ms):
        try:
            event = json.loads(record.value)
        except (TypeError, ValueError, RecursionError):
            continue
        if isinstance(event, dict) and isinstance(event.get("data"), dict):
            events.append(event)
    return events


async def read_typed(bootstrap: str, topic: str, *, partitions: int = 1, timeout_ms: int = 1000) -> list[Any]:
    """The events in *topic* that parse as their contract says (typed envelopes); poison is skipped."""
    envelopes = []
    for record in await read_all(bootstrap, topic, partitions=partitions, timeout_ms=timeout_ms):
        try:
            envelopes.append(parse_event(record.value, record.topic))
        except (TypeError, ValueError, RecursionError):  # ContractViolation and ValidationError are ValueErrors
            continue
    return envelopes
