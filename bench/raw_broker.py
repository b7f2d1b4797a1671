"""The raw broker, measured: aiokafka produce and consume rate and round-trip latency.

Every benchmark of this system prints its figures beside these, measured in the same run against
the same broker, as a ratio. ``python -m bench.raw_broker [--bootstrap host:port] [--messages N]``
starts its own tansu on a free port when no bootstrap is given.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from tests.support.infra import port_of, tansu_process


@dataclass
class RawBrokerFigures:
    produce_per_s: float
    consume_per_s: float
    rtt_p50_ms: float
    rtt_p99_ms: float

    def lines(self) -> list[str]:
        return [
            f"raw produce           {self.produce_per_s:10.0f} msg/s (acks=all, 512 B)",
            f"raw consume           {self.consume_per_s:10.0f} msg/s",
            f"raw round trip        p50 {self.rtt_p50_ms:6.1f} ms   p99 {self.rtt_p99_ms:6.1f} ms",
        ]


async def _topic(bootstrap: str, partitions: int = 3) -> str:
    name = f"bench.raw.{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, partitions, 1)])
    finally:
        await admin.close()
    return name


async def measure(bootstrap: str, messages: int = 20_000, round_trips: int = 500) -> RawBrokerFigures:
    topic = await _topic(bootstrap)
    payload = b"x" * 512
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=2)
    await producer.start()
    try:
        started = time.perf_counter()
        futures = [await producer.send(topic, payload, key=str(i % 64).encode()) for i in range(messages)]
        await asyncio.gather(*futures)
        produce_rate = messages / (time.perf_counter() - started)

        consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                    enable_auto_commit=False, group_id=f"bench-{uuid.uuid4().hex[:6]}",
                                    fetch_max_wait_ms=20)
        await consumer.start()
        try:
            received, started = 0, time.perf_counter()
            while received < messages:
                for items in (await consumer.getmany(timeout_ms=1000, max_records=5000)).values():
                    received += len(items)
            consume_rate = messages / (time.perf_counter() - started)

            latencies = []
            for _ in range(round_trips):
                sent = time.perf_counter()
                await producer.send_and_wait(topic, payload, key=b"rtt")
                got = False
                while not got:
                    for items in (await consumer.getmany(timeout_ms=1000)).values():
                        got = got or bool(items)
                latencies.append((time.perf_counter() - sent) * 1000)
        finally:
            await consumer.stop()
    finally:
        await producer.stop()
    quantiles = statistics.quantiles(latencies, n=100)
    return RawBrokerFigures(produce_rate, consume_rate, quantiles[49], quantiles[98])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap")
    parser.add_argument("--messages", type=int, default=20_000)
    args = parser.parse_args()
    broker = None
    bootstrap = args.bootstrap
    if not bootstrap:
        broker = tansu_process()
        broker.start()
        bootstrap = f"127.0.0.1:{port_of(broker)}"
    try:
        figures = asyncio.run(measure(bootstrap, args.messages))
    finally:
        if broker:
            broker.stop()
    print(f"broker {bootstrap}")
    print("\n".join(figures.lines()))


if __name__ == "__main__":
    main()
