"""A producer that was connected before tansu restarted loses nothing (services/runtime/topic_guard.py).

The restarted broker has no topics. Without the guard, the producer's resent batches are acknowledged
into topics that do not exist; the topics a metadata request then creates (4 partitions) cannot see
them, and the next produce at offset 0 fails with UnknownError. With it, the topics come back with
the topic map's partitions before the first produce, and everything acknowledged can be read.
Without the guard the first test fails on the partition count (and at times a lost record), the
second on the lost record, every time.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer
from aiokafka.conn import AIOKafkaConnection, create_conn
from aiokafka.protocol.produce import ProduceRequest
from aiokafka.record.default_records import DefaultRecordBatchBuilder

from contracts.topics import TOPICS_BY_NAME
from infra.local.processes import ManagedProcess
from services.runtime.kafka import ensure_topics, make_producer
from services.runtime.settings import load_settings
from services.runtime.topic_guard import _guarded_send, install_topic_guard
from tests.support.infra import port_of
from tests.support.waiting import eventually

TOPIC = "intake.request.v1"
KEYS = [f"request-{index}".encode() for index in range(12)]


async def read_all(bootstrap: str, wanted: set[bytes]) -> tuple[set[bytes], set[int]]:
    consumer = AIOKafkaConsumer(TOPIC, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    values: set[bytes] = set()
    try:
        async def more() -> set[bytes]:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                values.update(record.value or b"" for record in records)
            return values

        await eventually(more, until=lambda seen: wanted <= seen, what="every acknowledged record readable",
                         timeout=20)
        return values, consumer.partitions_for_topic(TOPIC) or set()
    finally:
        await consumer.stop()


async def test_a_producer_resending_to_a_restarted_broker_loses_nothing(
    broker: ManagedProcess, bootstrap: str
) -> None:
    settings = load_settings("intake", kafka_bootstrap_servers=bootstrap)
    await ensure_topics(settings)
    producer = make_producer(settings)
    assert AIOKafkaConnection.send is _guarded_send, "make_producer installs the guard"
    await producer.start()
    acknowledged: set[bytes] = set()
    try:
        for key in KEYS:  # the producer learns the topic's 6 partitions and holds open connections
            await producer.send_and_wait(TOPIC, b"before-" + key, key=key)
        broker.restart()  # memory-only: no topics at all now

        for round_ in ("first", "second"):  # the second round writes behind the first on each partition
            for key in KEYS:
                value = f"{round_}-{key.decode()}".encode()

                async def send(value: bytes = value, key: bytes = key) -> bool:
                    await producer.send_and_wait(TOPIC, value, key=key)
                    return True

                await eventually(send, what=f"{value!r} acknowledged", timeout=30)
                acknowledged.add(value)
    finally:
        await producer.stop()
    values, partitions = await read_all(bootstrap, acknowledged)
    assert acknowledged <= values
    assert len(partitions) == TOPICS_BY_NAME[TOPIC].partitions, "the topic came back with the map's partitions"


def one_record_batch(value: bytes) -> bytes:
    builder = DefaultRecordBatchBuilder(2, 0, is_transactional=0, producer_id=-1, producer_epoch=-1,
                                        base_sequence=-1, batch_size=16_384)
    builder.append(0, timestamp=None, key=b"request-0", value=value, headers=[])
    return bytes(builder.build())


async def test_a_produce_that_reaches_a_fresh_broker_first_is_kept(broker: ManagedProcess, bootstrap: str) -> None:
    """The loss itself, made certain: a produce is the very first request the restarted broker gets
    for the topic (as a producer's resent batch can be). Without the guard tansu acknowledges it and
    the record can never be read."""
    install_topic_guard()
    broker.restart()
    connection = await create_conn("127.0.0.1", port_of(broker))
    try:
        answer = await connection.send(ProduceRequest(None, -1, 10_000, [(TOPIC, [(0, one_record_batch(b"first"))])]))
    finally:
        connection.close()
    partition_answer = answer.to_object()["topics"][0]["partitions"][0]
    assert partition_answer["error_code"] == 0, partition_answer
    values, _ = await read_all(bootstrap, {b"first"})
    assert b"first" in values
