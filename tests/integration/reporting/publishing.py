"""Publish contract events onto a real broker the way the producers' relays do."""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaProducer

from contracts.envelope import Envelope, encode


async def produce(broker: str, envelopes: list[Envelope[Any]]) -> None:
    """Publish contract events the way the producers' relays do: key = subject, type in headers."""
    producer = AIOKafkaProducer(bootstrap_servers=broker, acks="all")
    await producer.start()
    try:
        for envelope in envelopes:
            key, value, headers = encode(envelope)
            await producer.send_and_wait(envelope.data.topic, value, key=key,
                                         headers=[(k, v.encode()) for k, v in headers.items()])
    finally:
        await producer.stop()
