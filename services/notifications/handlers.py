"""Notifications' event handlers, registered explicitly per consumer group."""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope
from services.notifications.adapters.tables import TrackedRequest
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork


async def on_request_registered(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.request
    if await uow.session.get(TrackedRequest, snapshot.request_id) is None:
        uow.session.add(TrackedRequest(request_id=snapshot.request_id, desk_id=snapshot.desk_id,
                                       registered_at=snapshot.registered_at))


REQUEST_HANDLERS: dict[str, Handler] = {"RequestRegistered": on_request_registered}
