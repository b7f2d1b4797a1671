"""Reporting's projection handlers, registered explicitly: every event becomes a stored fact.

Handlers never decide a status: they keep what the event says, with its event time, and the
report folds the facts as of the moment asked for. So the order in which events arrive, and
when they are applied, change nothing.
"""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope
from contracts.events import intake
from services.reporting.adapters.fact_store import (
    store_location_fact,
    store_policy,
    store_request_fact,
    utc,
)
from services.reporting.adapters.tables import DeskPolicyRow
from services.reporting.domain.from_events import fact_from_event
from services.reporting.fact_rows import LOCATION_EVENTS, REQUEST_EVENTS, location_row
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork


async def on_request_event(uow: UnitOfWork, event: Envelope[Any]) -> None:
    fact = fact_from_event(event.id, event.time, event.data)
    if fact is not None:
        await store_request_fact(uow.session, fact)


async def on_location_event(uow: UnitOfWork, event: Envelope[Any]) -> None:
    await store_location_fact(uow.session, location_row(event))


async def on_policy_changed(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data: intake.DeskPolicyChanged = event.data
    await store_policy(uow.session, DeskPolicyRow(
        desk_id=data.desk_id, version=data.version, valid_from=data.valid_from,
        working_area=" ".join(data.working_area), provider_response_days=data.provider_response_days,
        count_flemish_holiday=data.count_flemish_holiday, announced_at=utc(event.time),
    ))


__all__ = ["LOCATION_EVENTS", "PROJECTION_HANDLERS", "REQUEST_EVENTS"]
PROJECTION_HANDLERS: dict[str, Handler] = {
    **dict.fromkeys(REQUEST_EVENTS, on_request_event),
    **dict.fromkeys(LOCATION_EVENTS, on_location_event),
    "DeskPolicyChanged": on_policy_changed,
}
