"""Malformed, oversized, deeply nested, wrongly typed and unknown events on every consumed topic end
in ``<topic>.dlt`` with their origin in the headers, for every consumer group, while the valid event
behind them on the same partition is still applied (the partition keeps flowing)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from contracts.envelope import MAX_EVENT_BYTES
from contracts.topics import TOPICS_BY_NAME
from infra.local.stack import LocalStack
from services.runtime.dead_letters import MAX_VALUE_BYTES
from tests.abuse.consumers import committed, consumer_groups
from tests.abuse.poison import VALID_TYPE, Poison, poison_records, valid_event
from tests.support.bus import read_all
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]
CONSUMED = consumer_groups()
PARTITION = 0
EXPECTED_ERROR = {
    "malformed": b"JSONDecodeError",
    "oversized": b"more than any event may be",
    "deeply-nested": b"RecursionError",
    "wrongly-typed": b"ValidationError",
    "unknown-type": b"unknown event type",
}


def test_every_consumed_topic_has_a_valid_event_to_follow_the_poison() -> None:
    assert set(CONSUMED) <= set(TOPICS_BY_NAME), "consumers read only the topics of contracts/topics.py"
    assert set(CONSUMED) == set(VALID_TYPE), "a new consumed topic needs its entry in tests/abuse/poison.py"


async def _send_all(system: LocalStack, topic: str, records: dict[str, Poison], valid: dict[str, Any]) -> Any:
    producer = AIOKafkaProducer(bootstrap_servers=system.bootstrap_servers, max_request_size=8 * MAX_EVENT_BYTES)
    await producer.start()
    try:
        key = valid["subject"].encode()
        offsets = {}
        for name, (value, headers) in records.items():
            sent = await producer.send_and_wait(topic, value, key=key, partition=PARTITION, headers=headers)
            offsets[name] = sent.offset
        headers = [("ce_type", valid["type"].encode()), ("ce_id", valid["id"].encode())]
        last = await producer.send_and_wait(topic, json.dumps(valid).encode(), key=key, partition=PARTITION,
                                            headers=headers)
        return offsets, last.offset
    finally:
        await producer.stop()


@pytest.mark.parametrize("topic", sorted(CONSUMED))
async def test_poison_is_dead_lettered_and_the_partition_keeps_flowing(system: LocalStack, topic: str) -> None:
    groups = CONSUMED[topic]
    records = poison_records(topic)
    offsets, valid_offset = await _send_all(system, topic, records, valid_event(topic))

    async def positions() -> dict[str, int]:
        return {group: await committed(system.bootstrap_servers, group, topic, PARTITION) for group in groups}

    await eventually(positions, until=lambda found: all(o > valid_offset for o in found.values()), timeout=90,
                     what=f"every group of {topic} past the valid event at offset {valid_offset}")

    def ours(record: Any) -> bool:
        headers = dict(record.headers)
        return headers.get("dlt-original-topic") == topic.encode() and \
            headers.get("dlt-original-partition") == str(PARTITION).encode() and \
            int(headers.get("dlt-original-offset", b"-1")) >= min(offsets.values())

    async def dead_letters() -> list[Any]:
        return [r for r in await read_all(system.bootstrap_servers, f"{topic}.dlt", timeout_ms=500) if ours(r)]

    wanted = len(records) * len(groups)
    found = await eventually(dead_letters, until=lambda r: len(r) >= wanted, what=f"dead letters of {topic}")
    by_origin = {(int(dict(r.headers)["dlt-original-offset"]), dict(r.headers)["dlt-consumer-group"].decode()): r
                 for r in found}
    assert not any(offset == valid_offset for offset, _ in by_origin), "the valid event was dead-lettered"
    for name, offset in offsets.items():
        for group in groups:
            letter = by_origin.get((offset, group))
            assert letter is not None, f"{name} at offset {offset} not dead-lettered by {group}"
            headers = dict(letter.headers)
            assert EXPECTED_ERROR[name] in headers["dlt-error"], (name, headers["dlt-error"][:200])
            assert headers["dlt-attempts"] == b"1", f"{name} is poison: not retried"
            if name == "oversized":
                assert headers["dlt-truncated"] == str(len(records[name][0])).encode()
                assert len(letter.value) == MAX_VALUE_BYTES
            else:
                assert letter.value == records[name][0], "the dead letter keeps the record as it was"
            assert all(header in letter.headers for header in records[name][1]), "original headers kept"
