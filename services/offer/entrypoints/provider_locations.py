"""Provider API: its own locations, all desks at once (one account, one API for every municipality)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from sqlmodel import select

from services.offer.adapters.tables import Location
from services.offer.domain.location import LocationDetails
from services.offer.entrypoints.deps import Runtime, Scope
from services.offer.entrypoints.schemas_provider import CapacityIn, Changed, LocationOut
from services.offer.handlers.common import location_for
from services.offer.handlers.locations import change_location, publish_location, set_capacity
from services.offer.queries.provider import locations_out

router = APIRouter(prefix="/api/v1/provider", tags=["provider: locations"])

NEW_LOCATION: dict[str, Any] = {
    "groepsopvang": {"summary": "A group location, Monday to Friday", "value": {
        "name": "Kinderdagverblijf De Regenboog", "external_ref": "KDV-017", "street": "Sint-Pietersnieuwstraat 1",
        "postal_code": "9000", "city": "Gent", "nis_code": "44021", "kind": "groepsopvang",
        "capacity_per_weekday": {"mon": 18, "tue": 18, "wed": 14, "thu": 18, "fri": 14},
        "age_min_months": 0, "age_max_months": 36,
        "opening_hours": [{"weekday": d, "opens": "07:00", "closes": "18:00"} for d in ("mon", "tue", "wed", "thu",
                                                                                       "fri")],
        "ikt": True, "languages": ["nl", "fr"], "phone": "09 123 45 67", "email": "regenboog@example.be"}},
    "gezinsopvang": {"summary": "A childminder at home, coordinates left to the municipality centre", "value": {
        "name": "Onthaalmoeder Els", "street": "Dorpsstraat 4", "postal_code": "9070", "city": "Destelbergen",
        "nis_code": "44013", "kind": "gezinsopvang", "capacity_per_weekday": {"mon": 8, "tue": 8, "thu": 8},
        "ikt": False, "atypical_hours": True, "atypical_note": "Ook op zaterdagvoormiddag"}},
}


@router.get("/locations", response_model=list[LocationOut], summary="Your locations (all desks)")
async def list_own(scope: Scope, runtime: Runtime) -> list[LocationOut]:
    async with runtime.db.session(readonly=True) as session:
        rows = list((await session.exec(select(Location).where(Location.provider_id == scope.provider_id)
                                        .order_by(Location.name))).all())
        visible = [row for row in rows if scope.covers(row)]
        return await locations_out(session, visible)


@router.post("/locations", response_model=LocationOut, status_code=201, summary="Publish a new location",
             description="Emits LocationPublished: the location becomes searchable and eligible for distribution. "
                         "Coordinates may be left out: the municipality centre is used until you give them.")
async def create(details: Annotated[LocationDetails, Body(openapi_examples=NEW_LOCATION)], scope: Scope,
                 runtime: Runtime) -> LocationOut:
    async with runtime.uow() as uow:
        row = await publish_location(uow, scope, details)
    async with runtime.db.session(readonly=True) as session:
        return (await locations_out(session, [row]))[0]


@router.get("/locations/{location_id}", response_model=LocationOut, summary="One of your locations")
async def get_own(location_id: str, scope: Scope, runtime: Runtime) -> LocationOut:
    async with runtime.db.session(readonly=True) as session:
        row = await location_for(session, scope, location_id)
        return (await locations_out(session, [row]))[0]


@router.put("/locations/{location_id}", response_model=Changed, summary="Replace a location's details",
            description="Emits LocationChanged (full snapshot) when anything the bus sees changed.")
async def replace(location_id: str, details: LocationDetails, scope: Scope, runtime: Runtime) -> Changed:
    async with runtime.uow() as uow:
        row = await location_for(uow.session, scope, location_id)
        changed = await change_location(uow, row, details)
    return Changed(location_id=location_id, changed=list(changed))


@router.put("/locations/{location_id}/capacity", response_model=Changed, summary="Set licensed capacity per weekday",
            description="A weekday left out is closed. Free places follow by themselves: capacity minus "
                        "allocations plus your corrections.")
async def put_capacity(location_id: str, body: CapacityIn, scope: Scope, runtime: Runtime) -> Changed:
    async with runtime.uow() as uow:
        row = await location_for(uow.session, scope, location_id)
        changed = await set_capacity(uow, row, body.capacity_per_weekday)
    return Changed(location_id=location_id, changed=list(changed))

