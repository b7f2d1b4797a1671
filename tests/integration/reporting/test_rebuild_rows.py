"""The rebuild's bulk path writes, row for row, what the live handlers write: facts, location
facts, scope index, desk policies and inbox positions, whatever the batches, repeats and poison."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from sqlalchemy import text

from bench.in_process import envelope_record
from bench.reporting_rebuild import synthetic_year
from contracts.envelope import Envelope, RawEnvelope
from contracts.registry import check_producer, parse_event
from services.reporting.adapters.tables import metadata
from services.reporting.bulk_apply import BulkApplier
from services.reporting.handlers import PROJECTION_HANDLERS
from services.reporting.rebuild import _NoSecondDeadLetter
from services.runtime.clock import SystemClock
from services.runtime.consumer import EventProcessor
from services.runtime.db import Database
from services.runtime.migrations import upgrade_to_head
from services.runtime.tables import messaging_tables
from services.runtime.uow import UnitOfWorkFactory
from tests.support.postgres import PostgresServer

pytestmark = [pytest.mark.postgres]

GROUP = "reporting.projection"
SAMPLES = Path(__file__).parents[3] / "contracts" / "samples"
OWN = {"MunicipalityStats", "YearlyReportShared"}
TABLES = {
    "request_fact": "event_id, request_id, kind, occurred_at, desk_id, location_id, body",
    "location_fact": "event_id, location_id, provider_id, nis_code, kind, occurred_at, body",
    "request_scope": "request_id, desk_id, start_year, home_nis",
    "desk_policy": "desk_id, version, valid_from, working_area, provider_response_days, count_flemish_holiday, "
                   "announced_at",
    "inbox": "consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset",
    "stats_dirty": "desk_id",
}


def samples() -> list[Envelope[Any]]:
    """Every committed sample the projection consumes, each with an id of its own."""
    found = []
    for index, path in enumerate(sorted(SAMPLES.glob("*.v1.json"))):
        if path.name.split(".")[0] not in OWN:
            body = path.read_bytes()
            envelope = parse_event(body, check_producer(RawEnvelope.model_validate_json(body)).topic)
            found.append(envelope.model_copy(update={"id": str(uuid.UUID(int=index + 1))}))
    return found


async def database(url: str) -> UnitOfWorkFactory:
    db = Database(url)
    await upgrade_to_head(db, "reporting", metadata)
    return UnitOfWorkFactory(db, messaging_tables(metadata), SystemClock(), "reporting")


@pytest.fixture
async def two(tmp_path: Path, postgres: PostgresServer | None) -> AsyncIterator[tuple[UnitOfWorkFactory,
                                                                                        UnitOfWorkFactory]]:
    """Two empty projections on the engine of the run (``--db``)."""
    if postgres is None:
        urls = [f"sqlite+aiosqlite:///{tmp_path / name}.db" for name in ("live", "rebuilt")]
    else:
        suffix = uuid.uuid4().hex[:8]
        urls = [postgres.create_database(f"rows_{name}_{suffix}") for name in ("live", "rebuilt")]
    live, rebuilt = await database(urls[0]), await database(urls[1])
    yield live, rebuilt
    await live.db.dispose()
    await rebuilt.db.dispose()


async def contents(uow: UnitOfWorkFactory) -> dict[str, list[tuple[Any, ...]]]:
    async with uow.db.session(readonly=True) as session:
        return {table: [tuple(row) for row in (await session.execute(
            text(f"SELECT {columns} FROM {table} ORDER BY {columns}"))).all()]  # noqa: S608 - fixed names
            for table, columns in TABLES.items()}


async def test_the_bulk_path_writes_what_the_live_handlers_write(
    two: tuple[UnitOfWorkFactory, UnitOfWorkFactory],
) -> None:
    live, rebuilt = two
    events = samples() + synthetic_year(60, seed=3)
    records = [envelope_record(e, offset) for offset, e in enumerate(events)]
    sink = _NoSecondDeadLetter()
    processors = [EventProcessor(group=GROUP, handlers=PROJECTION_HANDLERS, uow=uow,
                                 dlt_producer=lambda: cast(AIOKafkaProducer, sink), retry_base_seconds=0)
                  for uow in (live, rebuilt)]
    for item in records:  # the live consumer: one event per transaction
        await processors[0].process_one(item)
    bulk = BulkApplier(group=GROUP, handlers=PROJECTION_HANDLERS, uow=rebuilt, fallback=processors[1])
    shuffled = [*records, *records[:25]]  # repeats, across batches and within one
    random.Random(5).shuffle(shuffled)
    poison = ConsumerRecord("intake.request.v1", 0, 999, 0, 0, b"k", b'{"id": 1', None, 1, 8, [])
    for start in range(0, len(shuffled), 40):
        await bulk.apply([*shuffled[start:start + 40], poison])
    assert (bulk.applied, bulk.duplicates, bulk.skipped) == (len(records), 25, len(range(0, len(shuffled), 40)))
    assert processors[1].stats.applied == 0, "no batch needed the careful path"
    expected, got = await contents(live), await contents(rebuilt)
    assert {table: len(rows) for table, rows in got.items()}["request_fact"] > 100
    assert got == expected
    if not rebuilt.db.is_sqlite:
        return
    stored = {row[3] for row in got["request_fact"]}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", text) for text in stored), \
        "event times are stored as SQLAlchemy stores a DATETIME on SQLite"
