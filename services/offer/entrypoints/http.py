"""Offer's HTTP API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlmodel import select

from services.offer.adapters.tables import Location

router = APIRouter(prefix="/api/v1", tags=["locations"])


class LocationSummary(BaseModel):
    location_id: str
    provider_id: str
    name: str
    nis_code: str


@router.get("/locations", response_model=list[LocationSummary], summary="Published locations")
async def list_locations(request: Request) -> list[LocationSummary]:
    runtime = request.app.state.runtime
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(select(Location).order_by(Location.name))).all()
    return [LocationSummary(location_id=r.location_id, provider_id=r.provider_id, name=r.name,
                            nis_code=r.nis_code) for r in rows]
