"""Where the notification latency goes: the event times on the bus, hop by hop.

The moment each relay published the record (its Kafka timestamp, the producer's clock): intake's
RequestRegistered, matching's RequestDistributed, notifications' ProviderNotified (after the
webhook was answered). All processes run on this machine: their wall clocks agree with the bench's.
"""

from __future__ import annotations

import json
import statistics
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from contracts.topics import TOPICS

WANTED = {"RequestRegistered": "registered", "RequestDistributed": "distributed", "ProviderNotified": "notified"}


async def event_times(bootstrap: str, request_ids: set[str]) -> dict[str, dict[str, float]]:
    """Per request id: the first time of each wanted event type (seconds since the epoch)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    times: dict[str, dict[str, float]] = {}
    try:
        partitions = [TopicPartition(t.name, p) for t in TOPICS for p in range(t.partitions)
                      if t.name in ("intake.request.v1", "matching.request.v1", "notifications.delivery.v1")]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        while any([await consumer.position(tp) < end for tp, end in ends.items()]):
            for records in (await consumer.getmany(timeout_ms=1000, max_records=5000)).values():
                for record in records:
                    try:
                        event = json.loads(record.value)
                    except (TypeError, ValueError, RecursionError):
                        continue  # a poison record (the abuse tests leave some on a shared bus)
                    if isinstance(event, dict):
                        _note(event, record.timestamp / 1000, request_ids, times)
    finally:
        await consumer.stop()
    return times


def _note(envelope: dict[str, Any], at: float, request_ids: set[str], times: dict[str, dict[str, float]]) -> None:
    step, data = WANTED.get(str(envelope.get("type", ""))), envelope.get("data")
    if step is None or not isinstance(data, dict):
        return
    request = data.get("request")
    request_id = (request.get("request_id") if isinstance(request, dict) else None) or data.get("request_id")
    if request_id not in request_ids:
        return
    if step == "notified" and data.get("channel") != "webhook":
        return
    times.setdefault(request_id, {}).setdefault(step, at)


def breakdown(posted: dict[str, float], received: dict[str, float],
              times: dict[str, dict[str, float]]) -> dict[str, float]:
    """Median milliseconds of each hop, from the POST (wall clock) to the webhook received."""
    hops: dict[str, list[float]] = {"post -> RequestRegistered on the bus": [],
                                    "RequestRegistered -> RequestDistributed": [],
                                    "RequestDistributed -> webhook received": [],
                                    "post -> webhook received": []}
    for request_id, sent in posted.items():
        seen = times.get(request_id, {})
        points = [("post -> RequestRegistered on the bus", sent, seen.get("registered")),
                  ("RequestRegistered -> RequestDistributed", seen.get("registered"), seen.get("distributed")),
                  ("RequestDistributed -> webhook received", seen.get("distributed"), received.get(request_id)),
                  ("post -> webhook received", sent, received.get(request_id))]
        for name, start, end in points:
            if start is not None and end is not None:
                hops[name].append((end - start) * 1000)
    return {f"{name} (ms)": round(statistics.median(v), 1) for name, v in hops.items() if v}
