"""Notifications' HTTP API: every router of the service, and the count the walking skeleton reads."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import func, select

from services.notifications.adapters.request_tables import TrackedRequest
from services.notifications.entrypoints import deliveries, desk, feed, ops, provider
from services.notifications.entrypoints.deps import Runtime

router = APIRouter(prefix="/api/v1", tags=["notifications"])


@router.get("/tracked-requests/count", summary="Number of requests whose deadlines are followed")
async def tracked_count(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.session(readonly=True) as session:
        count = (await session.exec(select(func.count()).select_from(TrackedRequest))).one()
        await session.commit()
    return {"tracked_requests": int(count)}


ROUTERS = (router, deliveries.router, desk.router, provider.router, feed.router, ops.router)
