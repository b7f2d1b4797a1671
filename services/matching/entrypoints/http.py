"""Matching's HTTP API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlmodel import func, select

from services.matching.adapters.tables import OpenRequestView

router = APIRouter(prefix="/api/v1", tags=["matching"])


@router.get("/open-requests/count", summary="Number of open requests matching knows of")
async def open_request_count(request: Request) -> dict[str, int]:
    runtime = request.app.state.runtime
    async with runtime.db.session(readonly=True) as session:
        count = (await session.exec(select(func.count()).select_from(OpenRequestView))).one()
    return {"open_requests": int(count)}
