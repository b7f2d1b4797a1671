"""Who consumes what, from the AsyncAPI documents, and how far each consumer group has come."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from aiokafka import AIOKafkaConsumer, TopicPartition

ASYNCAPI = Path(__file__).resolve().parents[2] / "contracts" / "asyncapi"


def consumer_groups() -> dict[str, set[str]]:
    """Topic -> the consumer groups reading it, from every service's committed AsyncAPI document
    (the contract tests keep those current)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for document in sorted(ASYNCAPI.glob("*.json")):
        spec = json.loads(document.read_text())
        for name, operation in spec.get("operations", {}).items():
            if operation.get("action") != "receive":
                continue
            channel = operation["channel"]["$ref"].rsplit("/", 1)[-1]
            groups[spec["channels"][channel]["address"]].add(name.split(":consume")[0])
    return dict(groups)


async def committed(bootstrap: str, group: str, topic: str, partition: int) -> int:
    """The offset *group* committed on one partition (-1 when none); does not join the group."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        offset = await consumer.committed(TopicPartition(topic, partition))
        return -1 if offset is None else int(offset)
    finally:
        await consumer.stop()
