"""The rebuild reads to the real end of the log on tansu, whose announced end of a partition is the
first offset of its last record batch plus one (not the offset after its last record): batches
of many records, read a few at a time, are read to their last record."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.reporting_rebuild import produce
from contracts.envelope import Envelope
from contracts.events.intake import RequestRegistered
from services.reporting.adapters.tables import RequestFactRow
from services.reporting.rebuild import Rebuilder
from services.runtime.kafka import ensure_topics
from services.runtime.uow import UnitOfWorkFactory
from tests.integration.reporting.conftest import reporting_settings
from tests.integration.reporting.scenario import Registration, envelopes, when


async def produce_in_few_batches(broker: str, events: list[Envelope[Any]]) -> None:
    """Every record sent before any is acknowledged: the producer packs them into one batch per partition."""
    await produce(broker, events, linger_ms=200)




async def test_batches_read_a_few_records_at_a_time_are_read_to_their_end(
    broker: str, tmp_path: Path, uow: UnitOfWorkFactory,
) -> None:
    settings = reporting_settings(broker, tmp_path)
    await ensure_topics(settings)
    desk = str(uuid.uuid4())
    events = envelopes([(RequestRegistered(request=Registration(f"r{i}", "44021", "2025-09-01", "2025-01-10")
                                           .snapshot(desk)), when("2025-01-10")) for i in range(60)])
    await produce_in_few_batches(broker, events)
    result = await Rebuilder(settings=settings, uow=uow, batch=3).run()
    assert (result.records, result.applied) == (60, 60)
    async with uow.db.session(readonly=True) as session:
        stored = (await session.execute(select(func.count()).select_from(RequestFactRow))).scalar_one()
    assert stored == 60
