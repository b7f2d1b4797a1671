"""A consumer group never skips what a broker that lost its log received again (services/runtime/log_rewind.py).

tansu, restarted, accepts the old positions a consumer commits before it notices the restart (while
the fresh group has no member yet); the group then reads on from there and would skip everything
written below them. Each test stops the group over the restart, plants such a commit itself (as the
stale member would), starts the group again and shows that the guard makes it read the new records
written at the start of the fresh log.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from aiokafka.structs import OffsetAndMetadata
from faststream import AckPolicy
from faststream.kafka.annotations import KafkaMessage

from infra.local.processes import ManagedProcess
from services.runtime.kafka import make_broker
from services.runtime.log_rewind import LogRewinder, behind_the_log
from services.runtime.raw_records import raw_bodies, tolerant_parser
from services.runtime.settings import load_settings
from tests.support.waiting import eventually

TOPIC = "runtime.rewind-test.v1"
GROUP = "runtime.rewind-test"
OLD = 40  # records the group read before the broker restarted


async def create_topic(bootstrap: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(TOPIC, 1, 1)])
    except TopicAlreadyExistsError:
        pass
    finally:
        await admin.close()


async def produce(bootstrap: str, values: list[bytes]) -> None:
    async def send() -> bool:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        try:
            for value in values:
                await producer.send_and_wait(TOPIC, value, partition=0)
        finally:
            await producer.stop()
        return True

    await eventually(send, what="records written to the (fresh) broker", timeout=60)


async def plant_commit(bootstrap: str, offset: int) -> None:
    """What a stale member does: commit its old position into the fresh broker's (new) group."""
    committer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=GROUP, enable_auto_commit=False)
    await committer.start()
    try:
        await committer.topics()
        partition = TopicPartition(TOPIC, 0)
        committer.assign([partition])
        await committer.commit({partition: OffsetAndMetadata(offset, "")})
    finally:
        await committer.stop()


class Group:
    """One consumer group as the runtime subscribes it (batch, explicit commits), noting what it read."""

    def __init__(self, bootstrap: str) -> None:
        self.settings = load_settings("intake", kafka_bootstrap_servers=bootstrap)
        self.broker = make_broker(self.settings)
        self.seen: list[bytes] = []

        async def on_records(msg: KafkaMessage) -> None:
            raw = msg.raw_message
            self.seen.extend(record.value for record in (raw if isinstance(raw, tuple) else (raw,)))

        self.subscriber: Any = self.broker.subscriber(
            TOPIC, group_id=GROUP, batch=True, auto_offset_reset="earliest", session_timeout_ms=6000,
            heartbeat_interval_ms=2000, fetch_max_wait_ms=50, ack_policy=AckPolicy.NACK_ON_ERROR,
            parser=tolerant_parser, decoder=raw_bodies)
        self.subscriber(on_records)
        self.rewinder = LogRewinder({GROUP: self.subscriber})

    async def read(self) -> list[bytes]:
        return list(self.seen)


@pytest.fixture
async def group(broker: ManagedProcess, bootstrap: str) -> AsyncIterator[Group]:
    broker.restart()  # a fresh log for each test
    await create_topic(bootstrap)
    await produce(bootstrap, [f"old-{i}".encode() for i in range(OLD)])
    subject = Group(bootstrap)
    await subject.broker.start()
    try:
        await eventually(subject.read, until=lambda seen: len(seen) >= OLD, what="the old records")
        yield subject
    finally:
        await subject.broker.stop()


def test_a_position_beyond_the_log_end_is_behind_the_log() -> None:
    assert behind_the_log(40, 3)
    assert not behind_the_log(3, 3) and not behind_the_log(2, 3)
    assert not behind_the_log(None, 3) and not behind_the_log(40, None)


async def test_rewind_all_undoes_a_planted_commit_after_the_log_was_refilled(
    group: Group, broker: ManagedProcess, bootstrap: str
) -> None:
    await group.subscriber.stop()
    broker.restart()  # the log, the group and its committed offsets are gone
    await create_topic(bootstrap)
    await plant_commit(bootstrap, OLD)
    # the fresh log: first what was new, then the outbox refilling it beyond the planted position
    await produce(bootstrap, [b"new-0", b"new-1", b"new-2"] + [f"again-{i}".encode() for i in range(OLD)])
    await group.subscriber.start()
    await eventually(group.read, until=lambda seen: b"again-39" in seen,
                     what="the group reading on from its planted position", timeout=60)
    await group.rewinder.rewind_all()  # what the relay triggers when it finds the log lost
    await eventually(group.read, until=lambda seen: b"new-2" in seen,
                     what="the records below the planted position", timeout=60)
    assert group.seen.count(b"new-0") == 1
    assert group.rewinder.groups_rewound == 1


async def test_watch_reads_a_partition_again_when_the_log_ends_before_the_position(
    group: Group, broker: ManagedProcess, bootstrap: str
) -> None:
    watching = asyncio.create_task(group.rewinder.watch())
    try:
        await group.subscriber.stop()
        broker.restart()
        await create_topic(bootstrap)
        await plant_commit(bootstrap, OLD)
        await produce(bootstrap, [b"new-0", b"new-1", b"new-2"])  # a log shorter than the planted position
        await group.subscriber.start()
        await eventually(group.read, until=lambda seen: b"new-2" in seen,
                         what="the new records at the start of the fresh log", timeout=60)
        assert group.rewinder.partitions_rewound >= 1
    finally:
        watching.cancel()
