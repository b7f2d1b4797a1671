"""Reporting's projection handlers, registered explicitly."""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope
from services.reporting.adapters.tables import RequestFact
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork


async def on_request_registered(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.request
    if await uow.session.get(RequestFact, snapshot.request_id) is None:
        uow.session.add(RequestFact(
            request_id=snapshot.request_id, desk_id=snapshot.desk_id, home_nis=snapshot.home_nis,
            original_wanted_start_date=snapshot.original_wanted_start_date, registered_at=event.time,
        ))


PROJECTION_HANDLERS: dict[str, Handler] = {"RequestRegistered": on_request_registered}
