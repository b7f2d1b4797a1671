"""No request reaches a broker before that broker has our topics.

tansu, the embedded broker, keeps its log in memory, so a restarted tansu has no topics at all. It
then does two things a Kafka cluster does not:

- it acknowledges a produce to a topic it does not know and stores the batch, without creating the
  topic. The topic that a later metadata request creates cannot see that batch (its end stays 0),
  and every later produce at offset 0 fails with UnknownError, because the batch file exists. The
  acknowledged records are lost and the partition is stuck;
- a metadata request for a missing topic creates it with 4 partitions, not the topic map's count.

A producer that was connected before the restart does exactly this: it resends its batch to the
fresh broker the moment it can connect. So every Kafka client in our processes checks, on each new
connection and before the first request there that could write or create a topic (a produce, a
metadata request naming topics), that every topic of the map exists, and creates the missing ones
with their own partition counts, over that same connection. A connection cannot outlive a broker
restart, so the check holds for every request that follows on it. On a Kafka cluster the check is
one metadata request per new connection and finds everything in place.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from aiokafka.conn import AIOKafkaConnection
from aiokafka.protocol.admin import CreateTopicsRequest
from aiokafka.protocol.metadata import MetadataRequest
from aiokafka.protocol.produce import ProduceRequest

from contracts.topics import TOPICS, TopicSpec, topic_layout
from services.runtime.logs import get_logger

log = get_logger("topic_guard")

TOPIC_ALREADY_EXISTS = 36
CREATE_TIMEOUT_MS = 10_000
CHECKED = "_opvangloket_topics_checked"
LOCK = "_opvangloket_topics_lock"

_original_send = AIOKafkaConnection.send
_specs: tuple[TopicSpec, ...] = ()
_replicas = 1


def may_create_topics(request: Any) -> bool:
    """A produce, or a metadata request naming topics: on tansu either can bring a topic into being."""
    return isinstance(request, ProduceRequest) or (isinstance(request, MetadataRequest) and bool(request._topics))


async def _create_missing(conn: AIOKafkaConnection) -> None:
    metadata = (await _original_send(conn, MetadataRequest(None))).to_object()
    present = {topic["topic"] for topic in metadata["topics"]}
    missing: list[tuple[Any, ...]] = [  # CreateTopics entries
        (name, partitions, _replicas, [], list(config.items()))
        for name, partitions, config in topic_layout(_specs) if name not in present]
    if not missing:
        return
    answer = (await _original_send(conn, CreateTopicsRequest(missing, CREATE_TIMEOUT_MS, False))).to_object()
    failed = {t["topic"]: t["error_code"] for t in answer["topic_errors"]
              if t["error_code"] not in (0, TOPIC_ALREADY_EXISTS)}
    log.warning("topics_recreated_on_fresh_broker", created=len(missing) - len(failed), failed=failed or None)


async def _checked_then_sent(conn: AIOKafkaConnection, request: Any, expect_response: bool) -> Any:
    lock: asyncio.Lock = conn.__dict__.setdefault(LOCK, asyncio.Lock())
    async with lock:
        if not getattr(conn, CHECKED, False):
            await _create_missing(conn)
            setattr(conn, CHECKED, True)
    return await _original_send(conn, request, expect_response)


def _guarded_send(self: AIOKafkaConnection, request: Any, expect_response: bool = True) -> Awaitable[Any]:
    if getattr(self, CHECKED, False) or not may_create_topics(request):
        return _original_send(self, request, expect_response)  # type: ignore[no-any-return]
    return _checked_then_sent(self, request, expect_response)


def install_topic_guard(replicas: int = 1, specs: tuple[TopicSpec, ...] = TOPICS) -> None:
    """Make every aiokafka connection of this process check its broker for *specs* (idempotent)."""
    global _specs, _replicas
    _specs, _replicas = specs, replicas
    AIOKafkaConnection.send = _guarded_send  # type: ignore[method-assign]
