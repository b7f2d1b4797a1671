"""The rebuild's bulk path on a real SQLite database: a batch is applied once, repeats and poison
are counted, and a batch that fails is replayed by the EventProcessor without losing or doubling."""

from __future__ import annotations

import uuid
from typing import Any, cast

from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from sqlalchemy import func, select

from contracts.envelope import Envelope, encode
from contracts.events.intake import RequestRegistered
from services.reporting.adapters.tables import RequestFactRow, RequestScope
from services.reporting.bulk_apply import BulkApplier, RowsOf
from services.reporting.fact_rows import EventRows, rows_of
from services.reporting.handlers import PROJECTION_HANDLERS
from services.reporting.rebuild import _NoSecondDeadLetter
from services.runtime.consumer import EventProcessor, Handler
from services.runtime.uow import UnitOfWork, UnitOfWorkFactory
from tests.integration.reporting.scenario import REGISTRATIONS, envelopes, when

GROUP = "reporting.projection"




def record(envelope: Envelope[Any] | None, offset: int, raw: bytes | None = None) -> ConsumerRecord[bytes, bytes]:
    value = encode(envelope)[1] if envelope is not None else raw
    return ConsumerRecord("intake.request.v1", 0, offset, 0, 0, b"k", value, None, 1, len(value or b""), [])


def registrations(count: int) -> list[Envelope[Any]]:
    desk = str(uuid.uuid4())
    items = [r for r in REGISTRATIONS][:count]
    return envelopes([(RequestRegistered(request=r.snapshot(desk)), when(r.registered)) for r in items])


async def counts(uow: UnitOfWorkFactory) -> tuple[int, int, int]:
    async with uow.db.session(readonly=True) as session:
        facts = (await session.execute(select(func.count()).select_from(RequestFactRow))).scalar_one()
        scope = (await session.execute(select(func.count()).select_from(RequestScope))).scalar_one()
        inbox = (await session.execute(select(func.count()).select_from(uow.tables.inbox))).scalar_one()
    return int(facts), int(scope), int(inbox)


def applier(uow: UnitOfWorkFactory, handlers: dict[str, Handler],
            rows: RowsOf = rows_of) -> tuple[BulkApplier, EventProcessor]:
    sink = _NoSecondDeadLetter()
    processor = EventProcessor(group=GROUP, handlers=handlers, uow=uow,
                               dlt_producer=lambda: cast(AIOKafkaProducer, sink), retry_base_seconds=0)
    return BulkApplier(group=GROUP, handlers=handlers, uow=uow, fallback=processor, rows=rows), processor


async def test_a_batch_with_repeats_and_poison_is_applied_once(uow: UnitOfWorkFactory) -> None:
    events = registrations(4)
    batch = [record(e, i) for i, e in enumerate(events)] + [record(events[0], 9), record(None, 10, b"{oops")]
    bulk, _ = applier(uow, PROJECTION_HANDLERS)
    await bulk.apply(batch)
    assert (bulk.applied, bulk.duplicates, bulk.skipped) == (4, 1, 1)
    assert await counts(uow) == (4, 4, 4)
    await bulk.apply(batch)  # the whole batch again: everything is a repeat now
    assert (bulk.applied, bulk.duplicates) == (4, 1 + 5)
    assert await counts(uow) == (4, 4, 4)


async def test_a_failing_batch_is_replayed_by_the_event_processor(uow: UnitOfWorkFactory) -> None:
    events = registrations(3)
    failing = events[1].id
    failures = {"left": 1}

    async def flaky(work: UnitOfWork, envelope: Envelope[Any]) -> None:
        if envelope.id == failing and failures["left"]:
            failures["left"] -= 1
            raise RuntimeError("a handler failing once")
        await PROJECTION_HANDLERS["RequestRegistered"](work, envelope)

    # rows None: every event through its handler inside the bulk transaction (as a desk policy goes)
    bulk, processor = applier(uow, {**PROJECTION_HANDLERS, "RequestRegistered": flaky}, rows=lambda _: None)
    await bulk.apply([record(e, i) for i, e in enumerate(events)])
    assert bulk.applied == 0, "the bulk transaction was rolled back"
    assert processor.stats.applied == 3
    assert await counts(uow) == (3, 3, 3)


async def test_a_batch_whose_rows_fail_to_write_is_replayed_by_the_event_processor(uow: UnitOfWorkFactory) -> None:
    events = registrations(3)

    def broken(envelope: Envelope[Any]) -> EventRows | None:
        rows = rows_of(envelope)
        if envelope.id == events[2].id and rows is not None and rows.fact is not None:
            return rows._replace(fact={**rows.fact, "body": None})  # NOT NULL: the insert fails
        return rows

    bulk, processor = applier(uow, PROJECTION_HANDLERS, rows=broken)
    await bulk.apply([record(e, i) for i, e in enumerate(events)])
    assert bulk.applied == 0, "the bulk transaction was rolled back, inbox claims included"
    assert processor.stats.applied == 3, "the live handlers applied each event once"
    assert await counts(uow) == (3, 3, 3)


async def test_rows_that_cannot_be_computed_leave_the_event_to_its_handler(uow: UnitOfWorkFactory) -> None:
    events = registrations(2)

    def failing(envelope: Envelope[Any]) -> EventRows | None:
        if envelope.id == events[0].id:
            raise ValueError("a bug in computing rows")
        return rows_of(envelope)

    bulk, processor = applier(uow, PROJECTION_HANDLERS, rows=failing)
    await bulk.apply([record(e, i) for i, e in enumerate(events)])
    assert (bulk.applied, processor.stats.applied) == (2, 0)
    assert await counts(uow) == (2, 2, 2)
