"""CPU that matching and reporting spend per registration on the live path, in one process.

``python -m bench.live_cpu [--registrations 300] [--prefill 500] [--batch 1] [--stats-every 25]``:
both services' own consumers (through the inbox, as records) on their own SQLite files, seeded with
the demo desks' policies and locations. Per registration matching gets the RequestRegistered and its
relay publishes the RequestDistributed (a producer that only acknowledges); reporting gets the
RequestRegistered, that RequestDistributed and a ProviderNotified per provider told. Every
``--stats-every`` registrations (25 = every 5 s at 5/s) the hub-stats publisher runs a round and
reporting's relay publishes. ``--prefill`` registrations first, unmeasured: what the stats job reads
grows with the facts. Prints process CPU time per registration: steadier than wall-clock figures on
a shared machine. ``--batch`` records are handed to the consumers at once, as under load.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.in_process import AckingProducer, Record, event_record
from contracts.events.base import Event
from contracts.events.intake import RequestRegistered, RequestSnapshot
from contracts.events.notifications import ProviderNotified
from contracts.events.offer import LocationPublished, LocationSnapshot, OpeningHours
from contracts.registry import parse_event
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, PreferenceMode, Preferences, Weekday
from infra.demo.data import DESKS, LOCATIONS
from services.intake.handlers.policies import demo_policies
from services.matching.bootstrap import build_app as matching_app
from services.reporting.bootstrap import build_app as reporting_app
from services.runtime.migrations import upgrade_to_head
from services.runtime.settings import load_settings

NIS_CODES = ("44021", "44013", "44088", "24062", "24038", "24086")  # both demo desks, as bench.system
DESK_OF = {nis: desk.desk_id for desk in DESKS for nis in desk.working_area}
WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
PATTERN = CarePattern(days=tuple(CareDay(weekday=d) for d in (Weekday.MON, Weekday.TUE, Weekday.THU)))


_offsets = itertools.count()


def record(event: Event, at: datetime) -> Record:
    return event_record(event, next(_offsets), at)


def seed_events(at: datetime) -> list[Record]:
    events: list[Event] = [p for desk in DESKS for p in demo_policies(desk.desk_id, desk.working_area)]
    for demo in LOCATIONS:
        events.append(LocationPublished(published_at=at, location=LocationSnapshot(
            location_id=demo.location_id, provider_id=demo.provider_id, nis_code=demo.nis_code,
            latitude=demo.latitude, longitude=demo.longitude, kind=demo.kind,  # type: ignore[arg-type]
            capacity_per_weekday=dict.fromkeys(WORKDAYS, demo.capacity), age_min_months=0, age_max_months=36,
            opening_hours=tuple(OpeningHours(weekday=d, opens="07:00", closes="18:00") for d in WORKDAYS),  # type: ignore[arg-type]
            atypical_hours=demo.atypical_hours, ikt=demo.ikt, specific_care=demo.specific_care)))
    return [record(event, at) for event in events]


def registration(index: int, at: datetime) -> Record:
    nis = NIS_CODES[index % len(NIS_CODES)]
    return record(RequestRegistered(request=RequestSnapshot(
        request_id=str(uuid.uuid4()), desk_id=DESK_OF[nis], family_ref=str(uuid.uuid4()), home_nis=nis,
        in_working_area=True, child_birth_date=at.date() - timedelta(days=60 + index % 300),
        wanted_start_date=at.date() + timedelta(days=30 + index % 200),
        original_wanted_start_date=at.date() + timedelta(days=30 + index % 200), care_pattern=PATTERN,
        preferences=Preferences(mode=PreferenceMode.DISTANCE, max_distance_km=5), categories=CategoryFlags(),
        policy_version=3, registered_at=at, channel=Channel.ONLINE)), at)


def notified(distributed: Record, at: datetime) -> list[Record]:
    """A ProviderNotified per provider told, as notifications emits them."""
    data = parse_event(distributed.value, distributed.topic, distributed.headers).data
    providers: dict[str, list[str]] = {}
    for recipient in data.recipients:
        providers.setdefault(recipient.provider_id, []).append(recipient.location_id)
    return [record(ProviderNotified(
        notification_id=str(uuid.uuid4()), request_id=data.request_id, desk_id=data.desk_id, provider_id=provider,
        location_ids=tuple(locations), channel="email", kind="new_request", notified_at=at), at)
        for provider, locations in sorted(providers.items())]


class Stack:
    """Matching and reporting apps on their own databases, their relays' producers capturing."""

    def __init__(self, var: Path) -> None:
        def settings(name: str) -> Any:
            return load_settings(name, env="test", database_url=f"sqlite+aiosqlite:///{var}/{name}.db")

        self.matching = matching_app(settings("matching")).state.runtime
        reporting = reporting_app(settings("reporting"))
        self.reporting, self.stats = reporting.state.runtime, reporting.state.stats_publisher
        self.matching._producer = self.out = AckingProducer()  # noqa: SLF001 - the relay's producer
        self.reporting._producer = AckingProducer()  # noqa: SLF001
        self.cpu = {"matching consumer": 0.0, "matching relay": 0.0, "reporting consumer": 0.0,
                    "reporting hub stats": 0.0}

    async def start(self, at: datetime) -> None:
        for runtime in (self.matching, self.reporting):
            await upgrade_to_head(runtime.db, runtime.service, runtime.metadata)
        seed = seed_events(at)
        await self._feed(self.matching, "matching.read-models", seed, 1000)
        await self._feed(self.reporting, "reporting.projection", seed, 1000)

    async def _feed(self, runtime: Any, group: str, records: list[Record], batch: int) -> None:
        processor = runtime.processors[group]
        for first in range(0, len(records), batch):
            await processor.process_batch(records[first:first + batch])

    async def round(self, first: int, count: int, batch: int, stats: bool) -> None:
        at = datetime.now(UTC)
        registered = [registration(first + i, at) for i in range(count)]
        cpu = time.process_time()
        await self._feed(self.matching, "matching.read-models", registered, batch)
        sent, now = len(self.out.sent), time.process_time()
        self.cpu["matching consumer"] += now - cpu
        await self.matching.relay.publish_pending()  # one round, as the relay's loop does for < 500 rows
        distributed = self.out.sent[sent:]
        self.cpu["matching relay"] += time.process_time() - now
        told = [r for d in distributed for r in notified(d, at)]
        cpu = time.process_time()
        for records in (registered, distributed, told):
            await self._feed(self.reporting, "reporting.projection", records, batch)
        self.cpu["reporting consumer"] += time.process_time() - cpu
        if stats:
            cpu = time.process_time()
            while (await self.stats.run_once())[0]:
                pass
            await self.reporting.relay.publish_pending()
            self.cpu["reporting hub stats"] += time.process_time() - cpu

    async def close(self) -> None:
        for runtime in (self.matching, self.reporting):
            await runtime.db.dispose()


async def _registrations(stack: Stack, first: int, total: int, args: argparse.Namespace) -> None:
    for offset in range(0, total, args.batch):
        done = offset + args.batch
        await stack.round(first + offset, args.batch, args.batch, stats=done % args.stats_every < args.batch)


async def run(args: argparse.Namespace, var: Path) -> dict[str, float]:
    stack = Stack(var)
    await stack.start(datetime.now(UTC))
    await _registrations(stack, 0, args.prefill, args)
    stack.cpu = dict.fromkeys(stack.cpu, 0.0)
    wall = time.perf_counter()
    await _registrations(stack, args.prefill, args.registrations, args)
    wall = time.perf_counter() - wall
    await stack.close()
    result = {name: seconds * 1000 / args.registrations for name, seconds in stack.cpu.items()}
    result["wall"] = wall * 1000 / args.registrations
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument("--prefill", type=int, default=500)
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--stats-every", type=int, default=25)
    args = parser.parse_args()
    args.registrations -= args.registrations % args.batch
    args.prefill -= args.prefill % args.batch
    var = Path(tempfile.mkdtemp(prefix="bench-live-cpu-"))
    result = asyncio.run(run(args, var))
    print(f"registrations: {args.registrations} after {args.prefill} unmeasured, {args.batch} per batch, "
          f"hub stats every {args.stats_every}")
    for name, value in result.items():
        label = "wall per registration" if name == "wall" else f"CPU per registration, {name}"
        print(f"{label:<45} {value:7.2f} ms")
    print(f"{'CPU per registration, matching + reporting':<45} "
          f"{sum(v for k, v in result.items() if k != 'wall'):7.2f} ms")


if __name__ == "__main__":
    main()
