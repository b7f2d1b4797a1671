"""The projection against a real broker: contract events produced out of order give the expected
report; the same event delivered twice counts once; a rebuild from the start of the log (with
the live consumer still running) gives byte-identical exports."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date

from sqlalchemy import func, select
from sqlmodel import col

from contracts.events.intake import RequestRegistered
from services.reporting.adapters.tables import RequestFactRow
from services.reporting.rebuild import Rebuilder
from services.reporting.reports import export, yearly_report
from services.runtime.service import ServiceRuntime
from tests.integration.reporting.publishing import produce
from tests.integration.reporting.scenario import (
    REGISTRATIONS,
    check_report,
    envelopes,
    follow_ups,
    policy,
    when,
)
from tests.support.waiting import eventually

CUTOFF = date(2026, 2, 28)


async def fact_count(runtime: ServiceRuntime, desk_id: str) -> int:
    async with runtime.db.session(readonly=True) as session:
        query = select(func.count()).select_from(RequestFactRow).where(col(RequestFactRow.desk_id) == desk_id)
        return int((await session.execute(query)).scalar_one())


async def exports(runtime: ServiceRuntime, desk_id: str) -> dict[str, bytes]:
    report = await yearly_report(runtime.db, desk_id=desk_id, year=2025, cutoff=CUTOFF)
    return {fmt: export(report, fmt)[0] for fmt in ("json", "csv", "xlsx")}


async def test_report_from_events_in_any_order_and_a_byte_identical_rebuild(
    broker: str, reporting: ServiceRuntime
) -> None:
    desk = str(uuid.uuid4())
    registrations = [dataclasses.replace(r, request_id=str(uuid.uuid4())) for r in REGISTRATIONS]
    ids = {r.key: r.request_id for r in registrations}
    later = envelopes(follow_ups(desk, ids))
    registered = envelopes([(RequestRegistered(request=r.snapshot(desk)), when(r.registered))
                            for r in registrations])
    await produce(broker, later)  # proposals and allocations before the requests they concern
    await produce(broker, [*envelopes([(policy(desk), when("2024-12-01"))]), *registered])
    await produce(broker, later[:3] + registered[:2])  # republished: the inbox drops them
    expected_facts = len(later) + len(registered)
    await eventually(lambda: fact_count(reporting, desk), until=lambda n: n == expected_facts,
                     what="every fact stored")

    before = await exports(reporting, desk)
    check_report(json.loads(before["json"]))
    assert await fact_count(reporting, desk) == expected_facts, "a repeated event was applied twice"

    seen: list[tuple[int, int]] = []
    result = await Rebuilder(settings=reporting.settings, uow=reporting.uow,
                             progress=lambda done, total: seen.append((done, total))).run()
    assert result.records >= expected_facts + 1 + 5, "the rebuild read the whole log, repeats included"
    assert result.duplicates >= 5
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] == result.records
    assert await fact_count(reporting, desk) == expected_facts
    assert await exports(reporting, desk) == before
