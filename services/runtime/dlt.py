"""Operator command for dead letters: list them, or replay them onto their original topic.

``python -m services.runtime.dlt list intake.request.v1``
``python -m services.runtime.dlt replay intake.request.v1 [--group reporting.projection]``

Replaying puts the original record back on its topic; every consumer group sees it again, and the
inboxes make sure only the groups that had not applied it do so now. A dead letter cut to size
for being oversized (header ``dlt-truncated``) is not replayed: only a prefix of it was kept.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from contracts.topics import dead_letter_topic
from services.runtime.kafka import client_kwargs
from services.runtime.settings import load_settings

ORIGINAL_HEADERS = ("dlt-original-topic", "dlt-original-partition", "dlt-original-offset",
                    "dlt-consumer-group", "dlt-attempts", "dlt-error", "dlt-truncated")


async def read_dead_letters(topic: str, bootstrap: dict[str, Any]) -> list[Any]:
    consumer = AIOKafkaConsumer(**bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        partition = TopicPartition(dead_letter_topic(topic), 0)
        consumer.assign([partition])
        await consumer.seek_to_beginning(partition)
        records: list[Any] = []
        while batch := await consumer.getmany(timeout_ms=1000):
            for items in batch.values():
                records.extend(items)
        return records
    finally:
        await consumer.stop()


async def replay(topic: str, group: str | None, bootstrap: dict[str, Any]) -> int:
    records = await read_dead_letters(topic, bootstrap)
    producer = AIOKafkaProducer(**bootstrap, acks="all")
    await producer.start()
    replayed = 0
    try:
        for record in records:
            headers = dict(record.headers or ())
            if group and headers.get("dlt-consumer-group", b"").decode() != group:
                continue
            if "dlt-truncated" in headers:  # only a prefix was kept: replaying it would be new poison
                continue
            original = [(k, v) for k, v in record.headers or () if k not in ORIGINAL_HEADERS]
            await producer.send_and_wait(topic, record.value, key=record.key, headers=original)
            replayed += 1
    finally:
        await producer.stop()
    return replayed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("list", "replay"))
    parser.add_argument("topic", help="the original topic, e.g. intake.request.v1")
    parser.add_argument("--group", help="replay only what this consumer group dead-lettered")
    args = parser.parse_args()
    bootstrap = client_kwargs(load_settings("operator"))
    if args.action == "list":
        for record in asyncio.run(read_dead_letters(args.topic, bootstrap)):
            headers = {k: v.decode(errors="replace") for k, v in record.headers or ()}
            print(json.dumps({"offset": record.offset, **{k: headers.get(k) for k in ORIGINAL_HEADERS}}))
    else:
        print(f"replayed {asyncio.run(replay(args.topic, args.group, bootstrap))} records onto {args.topic}")


if __name__ == "__main__":
    main()
