"""Notifications' HTTP API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlmodel import func, select

from services.notifications.adapters.tables import TrackedRequest

router = APIRouter(prefix="/api/v1", tags=["notifications"])


@router.get("/tracked-requests/count", summary="Number of requests whose deadlines are followed")
async def tracked_count(request: Request) -> dict[str, int]:
    runtime = request.app.state.runtime
    async with runtime.db.session(readonly=True) as session:
        count = (await session.exec(select(func.count()).select_from(TrackedRequest))).one()
    return {"tracked_requests": int(count)}
