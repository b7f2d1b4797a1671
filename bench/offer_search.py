"""Benchmark of offer: allocation events applied vs the raw broker, and search with and without the cache.

    python -m bench.offer_search [--locations 2000] [--allocations 20000] [--queries 40]

Starts tansu, Redis, identity and offer on free ports (SQLite), imports the locations through the
API (CSV), produces PlaceAllocated events as matching would, and measures: the raw broker's consume
rate of those records (one plain consumer, same run), offer's apply rate (inbox + ledger + cache
generation per event), and search latency for distinct questions (computed) and repeated ones
(Redis). Prints figures; never part of the test suite, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from aiokafka import AIOKafkaProducer

from contracts import municipalities
from contracts.builder import envelope_for
from contracts.envelope import encode
from contracts.events.matching import MATCHING_TOPIC, PlaceAllocated
from contracts.types import CareDay, CarePattern, Weekday
from infra.demo.data import PROVIDER_ZONNEBLOEM
from infra.local.stack import LocalStack, StackConfig
from services.offer.domain.tabular import COLUMNS
from tests.support.bus import read_all

DAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
FLEMISH = [m for m in municipalities.all_municipalities().values() if m.region == "Vlaanderen"]


def sheet(count: int, rng: random.Random) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS))
    writer.writeheader()
    for index in range(count):
        place = rng.choice(FLEMISH)
        capacity = rng.choice((8, 14, 18, 28))
        writer.writerow({
            "name": f"Bench {index}", "street": "Straat 1", "postal_code": "9000", "city": place.name_nl,
            "nis_code": place.nis_code, "latitude": f"{place.latitude + rng.uniform(-.02, .02):.5f}",
            "longitude": f"{place.longitude + rng.uniform(-.02, .02):.5f}",
            "kind": "groepsopvang" if capacity > 8 else "gezinsopvang", "ikt": rng.choice(("ja", "nee")),
            **{f"capacity_{d.value}": str(capacity) for d in DAYS},
            **{f"hours_{d.value}": "07:00-18:00" for d in DAYS},
        })
    return buffer.getvalue().encode()


def allocation(location_id: str, rng: random.Random) -> PlaceAllocated:
    start = date(2026, 1, 5) + timedelta(days=rng.randrange(700))
    days = tuple(sorted(rng.sample(DAYS, rng.randint(2, 5)), key=DAYS.index))
    return PlaceAllocated(
        allocation_id=str(uuid.uuid4()), proposal_id=str(uuid.uuid4()), request_id=str(uuid.uuid4()),
        desk_id="bench", location_id=location_id, provider_id=PROVIDER_ZONNEBLOEM, start_date=start,
        care_pattern=CarePattern(days=tuple(CareDay(weekday=d) for d in days)), original_wanted_start_date=start,
        requested_days_per_week=len(days), allocated_days_per_week=len(days), allocated_at=datetime.now(UTC))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run(locations: int, allocations: int, queries: int) -> None:
    rng = random.Random(4)
    stack = LocalStack(StackConfig.ephemeral(Path(tempfile.mkdtemp(prefix="bench-offer-")),
                                             services=("identity", "offer")))
    await asyncio.to_thread(stack.start)
    try:
        async with httpx.AsyncClient(timeout=300) as http:
            offer = stack.url("offer")
            token = (await http.post(f"{stack.url('identity')}/token", data={
                "grant_type": "password", "username": "zonnebloem", "password": "demo"})).json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            started = time.perf_counter()
            for chunk in range(0, locations, 2000):
                answer = await http.post(f"{offer}/api/v1/provider/import", headers=auth,
                                         content=sheet(min(2000, locations - chunk), rng))
                assert answer.status_code == 200, answer.text[:300]
            imported = time.perf_counter() - started
            ids = [row["location_id"] for row in csv.DictReader(io.StringIO(
                (await http.get(f"{offer}/api/v1/provider/export", headers=auth)).content.decode("utf-8-sig")))]
            print(f"import: {locations} locations in {imported:.1f}s ({locations / imported:.0f} rows/s)")

            producer = AIOKafkaProducer(bootstrap_servers=stack.bootstrap_servers, linger_ms=20)
            await producer.start()
            started = time.perf_counter()
            for _ in range(allocations):
                event = allocation(rng.choice(ids), rng)
                key, value, headers = encode(envelope_for(event, occurred_at=datetime.now(UTC),
                                                          correlation_id="bench"))
                await producer.send(MATCHING_TOPIC, value, key=key, headers=[(k, v.encode()) for k, v in
                                                                            headers.items()])
            await producer.flush()
            produced = time.perf_counter() - started
            await producer.stop()
            while True:
                stats = (await http.get(f"{offer}/ops/consumers")).json()["groups"]["offer.allocations"]
                if stats["applied"] >= allocations:
                    break
                await asyncio.sleep(0.2)
            applied = time.perf_counter() - started
            started = time.perf_counter()
            records = await read_all(stack.bootstrap_servers, MATCHING_TOPIC, partitions=6, timeout_ms=500)
            raw = time.perf_counter() - started - 0.5  # the last empty poll waits timeout_ms
            print(f"broker: produced {allocations} in {produced:.1f}s; raw consume of {len(records)} in {raw:.2f}s "
                  f"({len(records) / raw:.0f}/s)")
            print(f"offer: applied {allocations} allocations in {applied:.1f}s from the first send "
                  f"({allocations / applied:.0f}/s) = {(allocations / applied) / (len(records) / raw):.3f} x raw")

            questions: list[dict[str, str | int]] = [{"near": rng.choice(FLEMISH).nis_code, "max_km": 10,
                          "weekdays": ",".join(d.value for d in rng.sample(DAYS, 3)),
                          "free_from": (date(2026, 9, 1) + timedelta(days=rng.randrange(200))).isoformat()}
                         for _ in range(queries)]
            cold: list[float] = []
            warm: list[float] = []
            for question in questions:
                for bucket in (cold, warm):
                    started = time.perf_counter()
                    answer = await http.get(f"{offer}/api/v1/locations", params=question)
                    bucket.append(time.perf_counter() - started)
                    assert answer.status_code == 200
            print(f"search over {locations} locations / {allocations} allocations, {queries} questions:")
            print(f"  computed  p50 {pct(cold, .5):7.1f} ms  p95 {pct(cold, .95):7.1f} ms")
            print(f"  cached    p50 {pct(warm, .5):7.1f} ms  p95 {pct(warm, .95):7.1f} ms  "
                  f"(cached/computed median = {statistics.median(warm) / statistics.median(cold):.3f})")
    finally:
        await asyncio.to_thread(stack.stop)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--locations", type=int, default=2000)
    parser.add_argument("--allocations", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=40)
    options = parser.parse_args()
    asyncio.run(run(options.locations, options.allocations, options.queries))


if __name__ == "__main__":
    main()
