"""Desk API: the locations in a desk's working area, closing them (licence) and reopening them.

Closing emits LocationClosed; matching then reopens the affected requests as urgent (SPEC 3.5).
A provider may close its own location only with reason ``stopped``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import col, select

from services.offer.adapters.tables import DeskArea, Location
from services.offer.entrypoints.deps import Runtime, provider_scope
from services.offer.entrypoints.schemas_provider import CloseIn, LocationOut
from services.offer.handlers.common import location_for, today_of
from services.offer.handlers.locations import close_location, desk_may_act_on, reopen_location
from services.offer.queries.provider import location_out, locations_out
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["desk: locations"])


@router.get("/desk/locations", response_model=list[LocationOut], summary="Locations in your desk's working area")
async def desk_locations(principal: CurrentPrincipal, runtime: Runtime,
                         desk_id: Annotated[str, Query()]) -> list[LocationOut]:
    if principal.role is not Role.DESK or not principal.may_see_desk(desk_id):
        raise AppError("forbidden", 403)
    async with runtime.db.session(readonly=True) as session:
        area = await session.get(DeskArea, desk_id)
        codes = area.working_area.split() if area else []
        rows = list((await session.exec(select(Location).where(col(Location.nis_code).in_(codes))
                                        .order_by(Location.nis_code, Location.name))).all())
        return await locations_out(session, rows)


async def _load_for(principal: CurrentPrincipal, runtime: Runtime, location_id: str, *,
                    reason: str | None) -> tuple[Location, bool]:
    """The location and whether a desk acts; refuse anyone else."""
    if principal.role is Role.PROVIDER:
        if reason is not None and reason != "stopped":
            raise AppError("close_reason_provider", 403, field="reason")
        scope = await provider_scope(principal, runtime)
        async with runtime.db.session(readonly=True) as session:
            return await location_for(session, scope, location_id), False
    if principal.role is not Role.DESK:
        raise AppError("forbidden", 403)
    async with runtime.db.session(readonly=True) as session:
        row = await session.get(Location, location_id)
        if row is None:
            raise AppError("not_found", 404)
        if not await desk_may_act_on(session, principal.desk_ids, row):
            raise AppError("no_desk_area", 403)
    if reason == "stopped":
        raise AppError("bad_choice", 422, field="reason")
    return row, True


@router.post("/locations/{location_id}/close", response_model=LocationOut,
             summary="Close a location: licence suspended or withdrawn (desk), or stopped (provider)")
async def close(location_id: str, body: CloseIn, principal: CurrentPrincipal, runtime: Runtime) -> LocationOut:
    await _load_for(principal, runtime, location_id, reason=body.reason)
    async with runtime.uow() as uow:
        row = await uow.session.get(Location, location_id)
        assert row is not None
        await close_location(uow, row, body.reason, body.closed_on or today_of(uow))
    return location_out(row, [])


@router.post("/locations/{location_id}/reopen", response_model=LocationOut,
             summary="Reopen a suspended location (the desk, when the suspension is lifted)")
async def reopen(location_id: str, principal: CurrentPrincipal, runtime: Runtime) -> LocationOut:
    _, by_desk = await _load_for(principal, runtime, location_id, reason=None)
    if not by_desk:
        raise AppError("forbidden", 403)
    async with runtime.uow() as uow:
        row = await uow.session.get(Location, location_id)
        assert row is not None
        await reopen_location(uow, row)
    return location_out(row, [])
