"""Consumers read a partition again from its start when the broker lost its log.

Kafka answers a fetch beyond the end of a partition with OFFSET_OUT_OF_RANGE, and a consumer with
``auto_offset_reset="earliest"`` starts again at the beginning. The embedded tansu broker (memory
storage) forgets every record, group and committed offset when it restarts, and then:

* answers a fetch beyond the end with an empty answer instead of the error, so a consumer waits at
  its old position while the outboxes refill the log below it;
* accepts an offset commit from a member it does not know, so a consumer that commits its old
  positions before it notices the restart plants them in the new group, and reads on from there
  after rejoining: everything written below those offsets (new events first) would be skipped.

Two guards, both ending in "read the partition again from its start" (the inbox drops what was
already applied, so re-reading costs time, never a second effect):

1. ``watch``: every half second, an assigned partition whose last fetch reported an end (high
   watermark) below the consumer's position is sought to its beginning.
2. ``rewind_all``: when this process's outbox relay finds that the broker lost what it wrote, every
   consumer group of the process seeks to the start of its partitions and commits that, as a member
   of the fresh group (retried until it has rejoined). This also undoes a commit planted as above.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError
from aiokafka.structs import OffsetAndMetadata

from services.runtime.logs import get_logger

log = get_logger(__name__)

WATCH_SECONDS = 0.5
REWIND_SECONDS = 60.0


def behind_the_log(position: int | None, highwater: int | None) -> bool:
    """True when the broker says the partition ends before the offset we are about to read."""
    return position is not None and highwater is not None and position > highwater


class LogRewinder:
    """Guards the consumer groups of one process (FastStream subscribers by group id)."""

    def __init__(self, subscribers: Mapping[str, Any]) -> None:
        self._subscribers = subscribers
        self._lock = asyncio.Lock()
        self.partitions_rewound = 0
        self.groups_rewound = 0

    async def watch(self) -> None:
        """Until cancelled: seek to the beginning every partition the broker's log ends before."""
        while True:
            await asyncio.sleep(WATCH_SECONDS)
            if self._lock.locked():
                continue
            for group, subscriber in self._subscribers.items():
                consumer = getattr(subscriber, "consumer", None)
                if consumer is not None:
                    with contextlib.suppress(Exception):  # a consumer in the middle of a rebalance
                        await self._check(group, consumer)

    async def _check(self, group: str, consumer: AIOKafkaConsumer) -> None:
        for partition in list(consumer.assignment()):
            highwater = consumer.highwater(partition)
            if highwater is None:  # no fetch answer yet: nothing to compare (and no position to ask for)
                continue
            position = await asyncio.wait_for(consumer.position(partition), timeout=0.2)
            if behind_the_log(position, highwater):
                log.warning("the broker's log ends before this consumer's position: reading the partition again",
                            group=group, topic=partition.topic, partition=partition.partition,
                            position=position, log_end=highwater)
                await consumer.seek_to_beginning(partition)
                self.partitions_rewound += 1

    async def rewind_all(self) -> None:
        """Every consumer group of this process reads its partitions again from the start."""
        async with self._lock:
            await asyncio.gather(*(self._rewind(group, subscriber) for group, subscriber in self._subscribers.items()))

    async def _rewind(self, group: str, subscriber: Any) -> None:
        """Seek to the beginning and commit offset 0 as a member of the group.

        The commit must be the group's own: a member that has not yet noticed the restart is refused
        (or, in a group without members, planted a stale offset), so it is retried until the member has
        rejoined; whatever offsets the fresh group held are then replaced by the start of the log.
        """
        deadline = asyncio.get_running_loop().time() + REWIND_SECONDS
        while True:
            consumer: AIOKafkaConsumer | None = getattr(subscriber, "consumer", None)
            partitions = list(consumer.assignment()) if consumer is not None else []
            if consumer is not None and partitions:
                await consumer.seek_to_beginning(*partitions)
                try:
                    await consumer.commit({partition: OffsetAndMetadata(0, "") for partition in partitions})
                except KafkaError as exc:  # not (yet) a member of the fresh group: rejoining
                    log.info("consumer group not ready to rewind yet", group=group, error=repr(exc))
                else:
                    self.groups_rewound += 1
                    log.warning("consumer group reads its topics again from the start (the broker lost its log)",
                                group=group, partitions=len(partitions))
                    return
            if asyncio.get_running_loop().time() > deadline:
                log.error("consumer group could not be rewound", group=group)
                return
            await asyncio.sleep(0.5)
