"""Raw Kafka access for tests: produce arbitrary bytes, read a dead-letter topic."""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition


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
