"""The allocation ledger: matching's PlaceAllocated / AllocationCancelled, and the provider's confirmation.

Order-tolerant and deterministic: a cancellation may arrive before its allocation (other
partition, replay): it leaves a tombstone that the late PlaceAllocated fills in without undoing
the cancellation. Times come from the events, never from the clock.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from contracts.envelope import Envelope
from services.offer.adapters import store
from services.offer.adapters.tables import Allocation
from services.offer.domain.free_places import days_of
from services.offer.handlers.common import ProviderScope, now_of
from services.runtime.consumer import Handler
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def on_place_allocated(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    details = {"location_id": data.location_id, "provider_id": data.provider_id, "request_id": data.request_id,
               "start_date": data.start_date, "known": True, "allocated_at": event.time,
               "days": json.dumps({day.value: part.value for day, part in days_of(data.care_pattern).items()})}
    await store.upsert(uow.session, Allocation, {"allocation_id": data.allocation_id, **details}, details)
    await store.bump_version(uow.session)


async def on_allocation_cancelled(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    cancellation = {"cancelled": True, "cancelled_reason": data.reason, "cancelled_at": event.time}
    await store.upsert(uow.session, Allocation, {"allocation_id": data.allocation_id, "location_id": data.location_id,
                                                 "request_id": data.request_id, **cancellation}, cancellation)
    await store.bump_version(uow.session)


ALLOCATION_HANDLERS: dict[str, Handler] = {
    "PlaceAllocated": on_place_allocated,
    "AllocationCancelled": on_allocation_cancelled,
}


async def allocation_for(uow: UnitOfWork, scope: ProviderScope, allocation_id: str) -> Allocation:
    row = await uow.session.get(Allocation, allocation_id)
    if row is None or not row.known or row.provider_id != scope.provider_id:
        raise AppError("not_found", 404)
    if scope.location_ids is not None and row.location_id not in scope.location_ids:
        raise AppError("outside_key_scope", 403)
    return row


async def confirm_allocation(uow: UnitOfWork, row: Allocation, last_day: date | None) -> Allocation:
    """The provider confirms the child comes, and says until when (the place frees up after it)."""
    if row.cancelled:
        raise AppError("allocation_cancelled", 409)
    if last_day is not None and row.start_date is not None and last_day < row.start_date:
        raise AppError("ends_before_start", 422, field="last_day")
    row.last_day = last_day
    row.confirmed_at = now_of(uow)
    uow.session.add(row)
    await store.bump_version(uow.session)
    return row
