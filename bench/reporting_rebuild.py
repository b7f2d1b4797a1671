"""How fast the reporting projection is rebuilt from the log, against the raw broker.

Starts its own tansu broker on a free port, produces a synthetic year of one desk (registrations,
proposals, answers, allocations; no personal data), then measures in the same run:

1. the raw broker: a plain consumer reading every record from the beginning, no processing;
2. the rebuild: ``Rebuilder`` reading the same records through the inbox and handlers into SQLite
   (or the database of ``--database-url``);
3. the yearly report of the desk, folded from the rebuilt facts and exported as XLSX.

    python -m bench.reporting_rebuild --requests 5000

Prints figures; nothing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from contracts.builder import envelope_for
from contracts.envelope import Envelope, encode
from contracts.events import intake, matching
from contracts.topics import TOPICS
from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.stack import tansu_binary
from services.reporting.adapters.tables import metadata
from services.reporting.rebuild import DEFAULT_BATCH, Rebuilder
from services.reporting.reports import export, yearly_report
from services.runtime.clock import SystemClock
from services.runtime.db import Database
from services.runtime.kafka import ensure_topics
from services.runtime.migrations import upgrade_to_head
from services.runtime.settings import load_settings
from services.runtime.tables import messaging_tables
from services.runtime.uow import UnitOfWorkFactory
from tests.integration.reporting.scenario import AREA, THREE_DAYS, TWO_DAYS, Registration, policy

DESK = "bench-desk"


def synthetic_year(requests: int, seed: int = 7) -> list[Envelope[Any]]:
    rng = random.Random(seed)
    events: list[tuple[Any, datetime]] = [(policy(DESK), datetime(2024, 12, 1, tzinfo=UTC))]
    for index in range(requests):
        registered = datetime(2025, 1, 1, 8, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
        start = registered.date() + timedelta(days=rng.randrange(60, 300))
        flags = tuple(f for f in ("urgent", "vulnerable_family", "priority_group") if rng.random() < 0.15)
        item = Registration(f"r{index}", rng.choice((*AREA, "44087")), start.isoformat(),
                            registered.date().isoformat(), flags, request_id=str(uuid.uuid4()))
        events.append((intake.RequestRegistered(request=item.snapshot(DESK)), registered))
        moment = registered
        for attempt in range(rng.choice((0, 1, 1, 2))):
            moment += timedelta(days=rng.randrange(5, 60))
            proposal = f"{item.request_id}-p{attempt}"
            events.append((matching.ProposalMade(
                proposal_id=proposal, request_id=item.request_id, desk_id=DESK, location_id="loc", provider_id="p",
                start_date=start, care_pattern=THREE_DAYS, answer_due=moment.date() + timedelta(days=10),
                made_by="provider", proposed_at=moment), moment))
            if rng.random() < 0.6:
                moment += timedelta(days=2)
                later = start + timedelta(days=rng.choice((0, 0, 45)))
                events.append((matching.PlaceAllocated(
                    allocation_id=f"{proposal}-a", proposal_id=proposal, request_id=item.request_id, desk_id=DESK,
                    location_id="loc", provider_id="p", start_date=later,
                    care_pattern=rng.choice((THREE_DAYS, TWO_DAYS)),
                    original_wanted_start_date=start, requested_days_per_week=3.0,
                    allocated_days_per_week=rng.choice((3.0, 2.0)), allocated_at=moment), moment))
                break
            moment += timedelta(days=3)
            events.append((matching.ProposalDeclined(
                proposal_id=proposal, request_id=item.request_id, desk_id=DESK, location_id="loc", reason="too_far",
                declined_at=moment), moment))
    rng.shuffle(events)  # arrival order is not event order
    return [envelope_for(event, occurred_at=at, correlation_id="bench") for event, at in events]


async def produce(bootstrap: str, envelopes: list[Envelope[Any]], *, linger_ms: int = 5) -> None:
    """Every envelope sent before any is awaited; a longer *linger_ms* packs them into fewer batches."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=linger_ms,
                                max_batch_size=512 * 1024)
    await producer.start()
    try:
        futures = []
        for envelope in envelopes:
            key, value, headers = encode(envelope)
            futures.append(await producer.send(envelope.data.topic, value, key=key,
                                               headers=[(k, v.encode()) for k, v in headers.items()]))
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def raw_read(bootstrap: str, expected: int) -> float:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, max_poll_records=500)
    await consumer.start()
    try:
        partitions = [TopicPartition(t.name, p) for t in TOPICS for p in range(t.partitions)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        started, seen = time.perf_counter(), 0
        while seen < expected:
            for records in (await consumer.getmany(timeout_ms=1000, max_records=500)).values():
                seen += len(records)
        return time.perf_counter() - started
    finally:
        await consumer.stop()


async def run(requests: int, database_url: str | None, batch: int = DEFAULT_BATCH) -> None:
    port = free_port()
    directory = Path(tempfile.mkdtemp(prefix="opvang-bench-"))
    broker = ManagedProcess("tansu", [tansu_binary(), "broker", "--listener-url", f"tcp://127.0.0.1:{port}",
                                      "--advertised-listener-url", f"tcp://127.0.0.1:{port}", "--storage-engine",
                                      "memory://tansu/"], directory / "tansu.log", ready=lambda: port_open(port))
    broker.start()
    try:
        bootstrap = f"127.0.0.1:{port}"
        settings = load_settings("reporting", kafka_bootstrap_servers=bootstrap, env="test",
                                 database_url=database_url or f"sqlite+aiosqlite:///{directory / 'reporting.db'}")
        await ensure_topics(settings)
        envelopes = synthetic_year(requests)
        started = time.perf_counter()
        await produce(bootstrap, envelopes)
        print(f"produced {len(envelopes)} events in {time.perf_counter() - started:.1f} s")
        raw = await raw_read(bootstrap, len(envelopes))
        db = Database(settings.database_url)
        await upgrade_to_head(db, "reporting", metadata)
        uow = UnitOfWorkFactory(db, messaging_tables(metadata), SystemClock(), "reporting")
        cpu = time.process_time()
        result = await Rebuilder(settings=settings, uow=uow, batch=batch).run()
        cpu = time.process_time() - cpu
        started = time.perf_counter()
        report = await yearly_report(db, desk_id=DESK, year=2025, cutoff=date(2026, 2, 28))
        xlsx = export(report, "xlsx")[0]
        report_seconds = time.perf_counter() - started
        await db.dispose()
        raw_rate = len(envelopes) / raw
        print(f"raw broker read : {raw_rate:10,.0f} events/s ({raw:.2f} s)")
        print(f"rebuild         : {result.rate:10,.0f} events/s ({result.seconds:.2f} s, {result.applied} applied, "
              f"{result.duplicates} repeats)")
        print(f"rebuild / raw   : {result.rate / raw_rate:10.3f}")
        print(f"rebuild CPU     : {cpu / result.records * 1e6:10.0f} us per event (process time, every thread)")
        print(f"yearly report   : {report_seconds:10.2f} s for {report.total.counts['unique']['total']} unique "
              f"requests (fold, build, XLSX of {len(xlsx)} bytes)")
    finally:
        broker.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Rebuild rate of the reporting projection")
    parser.add_argument("--requests", type=int, default=5000, help="synthetic requests (about 2.6 events each)")
    parser.add_argument("--database-url", default=None, help="default: a SQLite file in a temporary directory")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="records per batch (Rebuilder's batch)")
    args = parser.parse_args()
    asyncio.run(run(args.requests, args.database_url, args.batch))


if __name__ == "__main__":
    main()
