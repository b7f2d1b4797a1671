"""Commands on locations: publish, change, set capacity, close (licence) and reopen.

Each runs inside the caller's unit of work: the row and its event are committed together.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.events.offer import LocationClosed, LocationPublished
from contracts.types import Weekday
from services.offer.adapters import store
from services.offer.adapters.tables import DeskArea, Location
from services.offer.domain.location import LocationDetails
from services.offer.handlers.common import (
    ProviderScope,
    now_of,
    publish_change,
    require_active,
    today_of,
)
from services.runtime.errors import AppError
from services.runtime.i18n import translate_validation_error
from services.runtime.uow import UnitOfWork

CloseReason = Literal["licence_suspended", "licence_withdrawn", "stopped"]


async def check_external_ref(uow: UnitOfWork, provider_id: str, details: LocationDetails,
                             location_id: str | None) -> None:
    if not details.external_ref:
        return
    found = (await uow.session.exec(select(Location).where(
        Location.provider_id == provider_id, Location.external_ref == details.external_ref))).first()
    if found is not None and found.location_id != location_id:
        raise AppError("external_ref_taken", 409, field="external_ref")


async def publish_location(uow: UnitOfWork, scope: ProviderScope, details: LocationDetails,
                           location_id: str | None = None) -> Location:
    """A new location of this provider, visible to families and eligible for distribution."""
    if scope.location_ids is not None:
        raise AppError("outside_key_scope", 403)
    await check_external_ref(uow, scope.provider_id, details, None)
    now = now_of(uow)
    row = Location(location_id=location_id or str(uuid.uuid4()), provider_id=scope.provider_id, name="",
                   street="", postal_code="", city="", nis_code="", kind="", capacity="{}",
                   published_at=now, updated_at=now)
    store.apply_details(row, details)
    uow.session.add(row)
    await uow.session.flush()
    snapshot = await store.snapshot_for(uow.session, row, today_of(uow))
    await uow.emit(LocationPublished(location=snapshot, published_at=now))
    await store.bump_version(uow.session)
    return row


async def change_location(uow: UnitOfWork, row: Location, details: LocationDetails) -> tuple[str, ...]:
    require_active(row)
    await check_external_ref(uow, row.provider_id, details, row.location_id)
    before = await store.snapshot_for(uow.session, row, today_of(uow))
    store.apply_details(row, details)
    return await publish_change(uow, row, before)


async def set_capacity(uow: UnitOfWork, row: Location, capacity: dict[Weekday, int]) -> tuple[str, ...]:
    """Only the licensed capacity changes; the same rules as a full change apply."""
    try:
        details = LocationDetails.model_validate({**store.details_of(row).model_dump(),
                                                  "capacity_per_weekday": capacity})
    except ValidationError as exc:
        code = translate_validation_error(dict(exc.errors()[0]), "nl")["code"]
        raise AppError(code, 422, field="capacity_per_weekday", min=0, max=300) from exc
    return await change_location(uow, row, details)


async def close_location(uow: UnitOfWork, row: Location, reason: CloseReason, closed_on: date) -> None:
    """Licence suspended or withdrawn (desk) or stopped (provider): matching reopens the requests."""
    if row.status == "closed" or (row.status == "suspended" and reason == "licence_suspended"):
        raise AppError("location_not_active", 409)
    row.status = "suspended" if reason == "licence_suspended" else "closed"
    row.closed_on, row.closed_reason = closed_on, reason
    row.updated_at = now_of(uow)
    uow.session.add(row)
    await uow.emit(LocationClosed(location_id=row.location_id, provider_id=row.provider_id, nis_code=row.nis_code,
                                  closed_on=closed_on, reason=reason, closed_at=row.updated_at))
    await store.bump_version(uow.session)


async def reopen_location(uow: UnitOfWork, row: Location) -> None:
    """A suspension lifted: the location is active again (a withdrawn licence is final)."""
    if row.status != "suspended":
        raise AppError("not_suspended", 409)
    before = await store.snapshot_for(uow.session, row, today_of(uow))
    row.status, row.closed_on, row.closed_reason = "active", None, None
    await publish_change(uow, row, before)


async def desk_may_act_on(session: AsyncSession, desk_ids: tuple[str, ...], row: Location) -> bool:
    """A desk worker acts on locations in the working area of one of their desks."""
    if not desk_ids:
        return False
    areas = await session.exec(select(DeskArea).where(col(DeskArea.desk_id).in_(desk_ids)))
    return any(row.nis_code in area.working_area.split() for area in areas.all())
