"""Benchmark: distributing one new request against every location of a big desk.

    python -m bench.matching_distribution [--locations 600] [--requests 40]

A desk with the locations of a big city (600 by default, each about 60% full with allocations),
in matching's real SQLite database with its migrations: each new request runs the real handler
path (policy, candidate query, allocations and pending proposals, capacity timelines, decisions,
distribution round, recipients, provider feed, outbox) in its own unit of work. Prints the
median and 95th percentile per request, and the pure decision time without the database.
Target (issue 5): under 50 ms per request. Printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from bench.matching_synthetic import generate
from contracts.events.intake import DeskPolicyChanged
from contracts.events.offer import LocationSnapshot
from services.matching.adapters import repository
from services.matching.adapters.tables import Allocation, DeskPolicyView, LocationView, OpenRequestView, metadata
from services.matching.domain.distribution import plan_distribution
from services.matching.handlers.distribution import distribute
from services.runtime.clock import FixedClock
from services.runtime.db import Database
from services.runtime.migrations import upgrade_to_head
from services.runtime.tables import messaging_tables
from services.runtime.uow import UnitOfWorkFactory

NOW = datetime(2027, 5, 1, tzinfo=UTC)


def snapshot_of(facts: object, places: int) -> LocationSnapshot:
    return LocationSnapshot(
        location_id=facts.location_id, provider_id=facts.provider_id, nis_code=facts.nis_code,  # type: ignore[attr-defined]
        latitude=facts.latitude, longitude=facts.longitude, kind="groepsopvang",  # type: ignore[attr-defined]
        capacity_per_weekday={d: places for d in ("mon", "tue", "wed", "thu", "fri")},  # type: ignore[misc]
        age_min_months=0, age_max_months=36, ikt=facts.ikt,  # type: ignore[attr-defined]
        atypical_hours=facts.atypical_hours, specific_care=facts.specific_care)  # type: ignore[attr-defined]


async def fill(uow_factory: UnitOfWorkFactory, n_locations: int, region: str,
               mode: str = "all_fitting") -> tuple[list[str], object]:
    synthetic = generate(n_locations=n_locations, n_requests=200, region=region, seed=3)
    area = sorted({facts.nis_code for facts, _ in synthetic.locations})
    policy = DeskPolicyChanged(desk_id="desk", version=1, valid_from=date(2024, 1, 1), working_area=tuple(area),
                               provider_response_days=5, reminder_before_days=1, family_answer_days=10,
                               earliest_answer_months=9, max_preferences=8, distribution_mode=mode)  # type: ignore[arg-type]
    async with uow_factory() as uow:
        uow.session.add(DeskPolicyView(desk_id="desk", version=1, valid_from=policy.valid_from,
                                       body=policy.model_dump_json()))
        for facts, _free in synthetic.locations:
            places = facts.licensed[0]
            uow.session.add(LocationView(location_id=facts.location_id, provider_id=facts.provider_id,
                                         nis_code=facts.nis_code, snapshot=snapshot_of(facts, places).model_dump_json(),
                                         updated_at=NOW))
            for _ in range(int(places * 0.6)):
                uow.session.add(Allocation(
                    allocation_id=str(uuid.uuid4()), proposal_id="-", request_id=str(uuid.uuid4()), desk_id="desk",
                    location_id=facts.location_id, provider_id=facts.provider_id, start_date=date(2026, 9, 1),
                    end_date=date(2028, 9, 1), care_pattern="{}", slots="0,1,2,3,4,5,6,7,8,9",
                    allocated_at=NOW))
    return area, synthetic


async def main(n_locations: int, n_requests: int, mode: str = "all_fitting") -> None:
    path = Path(tempfile.mkdtemp()) / "matching.db"
    db = Database(f"sqlite+aiosqlite:///{path}")
    await upgrade_to_head(db, "matching", metadata)
    uows = UnitOfWorkFactory(db, messaging_tables(metadata), FixedClock(NOW), "matching")
    _, synthetic = await fill(uows, n_locations, "Antwerpen", mode)
    requests = [r.snapshot.model_copy(update={"desk_id": "desk", "wanted_start_date": date(2027, 9, 1)})
                for r in synthetic.requests[:n_requests]]  # type: ignore[attr-defined]
    timings, cpu, decide_only, told = [], [], [], []
    for snapshot in requests:
        started, cpu_started = time.perf_counter(), time.process_time()
        async with uows() as uow:
            view = OpenRequestView(request_id=snapshot.request_id, desk_id="desk",
                                   snapshot=snapshot.model_dump_json(), updated_at=NOW)
            uow.session.add(view)
            plan = await distribute(uow, view, snapshot, trigger="registered", at=NOW, cause=None)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
        assert plan is not None
        told.append(len(plan.recipients))
        async with db.session(readonly=True) as session:
            views = await repository.locations(session, nis_codes=[f.nis_code for f, _ in synthetic.locations])  # type: ignore[attr-defined]
            pairs = await repository.timelines(session, views)
        policy = DeskPolicyChanged.model_validate_json(await _policy(db))
        t0 = time.perf_counter()
        plan_distribution(snapshot, urgent=False, policy=policy, candidates=pairs, working_area=policy.working_area)
        decide_only.append((time.perf_counter() - t0) * 1000)
    await db.dispose()
    first = timings[0]
    timings.sort()
    print(f"\n== distribution ({mode}): one new request against {n_locations} locations of one desk "
          f"(about {int(sum(told) / len(told))} told per request), {n_requests} requests, SQLite")
    print(f"   handler path (unit of work, database, events): median {statistics.median(timings):.1f} ms wall, "
          f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms; CPU median {statistics.median(cpu):.1f} ms "
          "(all threads of the process: the fair figure on a shared machine)")
    print(f"   first request (cold caches) {first:.1f} ms wall")
    print(f"   decisions only (capacity timelines, constraints, reasons): median "
          f"{statistics.median(decide_only):.1f} ms")


async def _policy(db: Database) -> str:
    async with db.session(readonly=True) as session:
        row = await session.get(DeskPolicyView, ("desk", 1))
    assert row is not None
    return row.body


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=600)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--mode", choices=("all_fitting", "preferences_only"), default="all_fitting")
    args = parser.parse_args()
    asyncio.run(main(args.locations, args.requests, args.mode))
