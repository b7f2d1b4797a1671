"""What the in-process CPU benches share: events as consumer records, and a producer that only acknowledges.

`bench.notifications_cpu` and `bench.live_cpu` hand a service's own consumers records through the inbox
and let its relay "publish" to a producer that acknowledges at once, so that only the service's own work
is measured, not the broker's.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Any, TypeAlias

from aiokafka.structs import ConsumerRecord, RecordMetadata, TopicPartition

from contracts.builder import envelope_for
from contracts.envelope import Envelope, encode
from contracts.events.base import Event

Record: TypeAlias = ConsumerRecord[bytes, bytes]


def envelope_record(envelope: Envelope[Any], offset: int) -> Record:
    """*envelope* as the record a consumer would fetch from its topic (partition 0, at *offset*)."""
    key, value, headers = encode(envelope)
    return ConsumerRecord(envelope.data.topic, 0, offset, 0, 0, key, value, None, len(key), len(value),
                          [(k, v.encode()) for k, v in headers.items()])


def event_record(event: Event, offset: int, at: datetime) -> Record:
    """*event* in a fresh envelope dated *at*, as a fetched record."""
    return envelope_record(envelope_for(event, occurred_at=at, correlation_id=str(uuid.uuid4())), offset)


class AckingProducer:
    """A relay's producer that acknowledges every send with the next offset of its topic and keeps the records."""

    def __init__(self) -> None:
        self.offsets: dict[str, int] = {}
        self.sent: list[Record] = []

    async def send(self, topic: str, *, value: bytes, key: bytes, headers: Any) -> asyncio.Future[RecordMetadata]:
        offset = self.offsets[topic] = self.offsets.get(topic, -1) + 1
        self.sent.append(ConsumerRecord(topic, 0, offset, 0, 0, key, value, None, len(key), len(value), headers))
        future: asyncio.Future[RecordMetadata] = asyncio.get_running_loop().create_future()
        future.set_result(RecordMetadata(topic, 0, TopicPartition(topic, 0), offset, -1, -1, 0))
        return future
