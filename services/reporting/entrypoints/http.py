"""Reporting's HTTP API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlmodel import func, select

from services.reporting.adapters.tables import RequestFact

router = APIRouter(prefix="/api/v1", tags=["reporting"])


@router.get("/stats/requests", summary="Number of unique requests in the projection")
async def request_count(request: Request) -> dict[str, int]:
    runtime = request.app.state.runtime
    async with runtime.db.session(readonly=True) as session:
        count = (await session.exec(select(func.count()).select_from(RequestFact))).one()
    return {"requests": int(count)}
