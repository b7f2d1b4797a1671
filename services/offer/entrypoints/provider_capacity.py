"""Provider API: corrections of derived free places, and the allocations at its locations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from sqlmodel import col, select

from services.offer.adapters.tables import Allocation, Correction
from services.offer.domain.corrections import CorrectionIn
from services.offer.entrypoints.deps import Runtime, Scope, today
from services.offer.entrypoints.schemas_provider import AllocationOut, ConfirmIn, CorrectionOut, EndCorrectionIn
from services.offer.handlers.allocations import allocation_for, confirm_allocation
from services.offer.handlers.common import location_for, today_of
from services.offer.handlers.corrections import add_correction, end_correction
from services.offer.queries.provider import allocation_out, correction_out

router = APIRouter(prefix="/api/v1/provider", tags=["provider: free places"])

CORRECTION_EXAMPLES: dict[str, Any] = {
    "staff": {"summary": "Two places fewer until the end of March (staff shortage)", "value": {
        "weekdays": ["mon", "tue", "wed", "thu", "fri"], "places_delta": -2, "valid_from": "2026-11-02",
        "valid_until": "2027-03-31", "reason": "staff_shortage"}},
    "group": {"summary": "A group closed on Wednesdays until further notice", "value": {
        "weekdays": ["wed"], "places_delta": -7, "reason": "closed_group", "note": "Babygroep dicht op woensdag"}},
}


@router.get("/locations/{location_id}/corrections", response_model=list[CorrectionOut],
            summary="Corrections of a location (past, current and future)")
async def list_corrections(location_id: str, scope: Scope, runtime: Runtime) -> list[CorrectionOut]:
    day = today(runtime)
    async with runtime.db.session(readonly=True) as session:
        await location_for(session, scope, location_id)
        rows = (await session.exec(select(Correction).where(Correction.location_id == location_id)
                                   .order_by(col(Correction.valid_from)))).all()
    return [correction_out(row, day) for row in rows]


@router.post("/locations/{location_id}/corrections", response_model=CorrectionOut, status_code=201,
             summary="Correct free places (staff shortage, a closed group, children placed outside the desk)",
             description="Always downward and visible as a correction next to licensed capacity and allocations. "
                         "It lasts until `valid_until`, or until you end it. Emits LocationChanged.")
async def post_correction(location_id: str, body: Annotated[CorrectionIn, Body(openapi_examples=CORRECTION_EXAMPLES)],
                          scope: Scope, runtime: Runtime) -> CorrectionOut:
    async with runtime.uow() as uow:
        row = await location_for(uow.session, scope, location_id)
        correction = await add_correction(uow, row, body)
        day = today_of(uow)
    return correction_out(correction, day)


@router.post("/locations/{location_id}/corrections/{correction_id}/end", response_model=CorrectionOut,
             summary="End a correction (its last day: today unless given)")
async def post_end(location_id: str, correction_id: str, body: EndCorrectionIn, scope: Scope,
                   runtime: Runtime) -> CorrectionOut:
    async with runtime.uow() as uow:
        row = await location_for(uow.session, scope, location_id)
        correction = await end_correction(uow, row, correction_id, body.last_day)
        day = today_of(uow)
    return correction_out(correction, day)


@router.get("/allocations", response_model=list[AllocationOut], summary="Allocated places at your locations",
            description="Derived from matching's PlaceAllocated and AllocationCancelled events.")
async def list_allocations(scope: Scope, runtime: Runtime,
                           location_id: Annotated[str | None, Query()] = None,
                           include_cancelled: Annotated[bool, Query()] = False) -> list[AllocationOut]:
    statement = select(Allocation).where(Allocation.provider_id == scope.provider_id, col(Allocation.known))
    if location_id:
        statement = statement.where(Allocation.location_id == location_id)
    if not include_cancelled:
        statement = statement.where(col(Allocation.cancelled).is_(False))
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(statement.order_by(col(Allocation.start_date)))).all()
    return [allocation_out(row) for row in rows
            if scope.location_ids is None or row.location_id in scope.location_ids]


@router.post("/allocations/{allocation_id}/confirm", response_model=AllocationOut,
             summary="Confirm an allocation and, when known, the child's last day",
             description="After the last day the place counts as free again in the derived figures.")
async def post_confirm(allocation_id: str, body: ConfirmIn, scope: Scope, runtime: Runtime) -> AllocationOut:
    async with runtime.uow() as uow:
        row = await allocation_for(uow, scope, allocation_id)
        await confirm_allocation(uow, row, body.last_day)
    return allocation_out(row)
