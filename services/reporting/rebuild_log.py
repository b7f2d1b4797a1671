"""Where a rebuild starts and when it has read enough of the log (see rebuild.py).

The targets are the end of each partition when the rebuild begins, or the live group's committed
position where the broker announces less (it lost its log and the relays are refilling it).
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, TopicPartition

from services.reporting.bootstrap import PROJECTION_GROUP, PROJECTION_TOPICS
from services.runtime.kafka import client_kwargs
from services.runtime.settings import ServiceSettings


async def targets_of(settings: ServiceSettings, consumer: AIOKafkaConsumer) -> dict[TopicPartition, int]:
    """Per partition: the end of the log, or the live group's position if the broker says less."""
    partitions = [TopicPartition(topic, p) for topic in PROJECTION_TOPICS
                  for p in sorted(consumer.partitions_for_topic(topic) or ())]
    ends = await consumer.end_offsets(partitions)
    group = AIOKafkaConsumer(**client_kwargs(settings), group_id=PROJECTION_GROUP, enable_auto_commit=False)
    await group.start()  # never subscribes: it only reads the group's committed offsets
    try:
        committed = {tp: await group.committed(tp) for tp in partitions}
    finally:
        await group.stop()
    return {tp: max(ends.get(tp, 0), committed.get(tp) or 0) for tp in partitions}


async def past_targets(consumer: AIOKafkaConsumer, targets: dict[TopicPartition, int]) -> bool:
    return all([await consumer.position(tp) >= end for tp, end in targets.items()])


async def at_end(consumer: AIOKafkaConsumer, partitions: list[TopicPartition]) -> bool:
    """Whether the broker announces nothing more (one round trip, instead of waiting for empty fetches).

    Only ever asked once the consumer's buffer is empty: tansu announces as the end of a partition the
    first offset of its last record batch, not the offset after its last record. A fetch always
    brings whole batches, so once the position is past that offset the rest of the batch has been
    fetched; taking the buffer before asking reads it (without that, a batch cut by ``max_records``
    at the announced end lost its last records: seen in the benchmark, 9 of 53,903)."""
    ends = await consumer.end_offsets(partitions)
    return all([await consumer.position(tp) >= ends.get(tp, 0) for tp in partitions])
