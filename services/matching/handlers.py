"""Matching's event handlers, registered explicitly per consumer group."""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope
from services.matching.adapters.tables import LocationView, OpenRequestView
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork


async def on_request_snapshot(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.request
    view = await uow.session.get(OpenRequestView, snapshot.request_id)
    if view is None:
        view = OpenRequestView(request_id=snapshot.request_id, desk_id=snapshot.desk_id,
                               snapshot=snapshot.model_dump_json(), updated_at=event.time)
    elif view.updated_at > event.time:
        return  # an older snapshot arriving late changes nothing
    view.snapshot = snapshot.model_dump_json()
    view.updated_at = event.time
    uow.session.add(view)


async def on_request_withdrawn(uow: UnitOfWork, event: Envelope[Any]) -> None:
    view = await uow.session.get(OpenRequestView, event.data.request_id)
    if view is not None:
        view.status = "withdrawn"
        uow.session.add(view)


async def on_location_snapshot(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.location
    view = await uow.session.get(LocationView, snapshot.location_id)
    if view is not None and view.updated_at > event.time:
        return
    view = view or LocationView(location_id=snapshot.location_id, provider_id=snapshot.provider_id,
                                nis_code=snapshot.nis_code, snapshot="", updated_at=event.time)
    view.snapshot = snapshot.model_dump_json()
    view.status = snapshot.status
    view.updated_at = event.time
    uow.session.add(view)


READ_MODEL_HANDLERS: dict[str, Handler] = {
    "RequestRegistered": on_request_snapshot,
    "RequestUpdated": on_request_snapshot,
    "RequestWithdrawn": on_request_withdrawn,
    "LocationPublished": on_location_snapshot,
    "LocationChanged": on_location_snapshot,
}
