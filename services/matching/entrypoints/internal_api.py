"""Endpoints for other services and operators only (service tokens)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, func, select

from services.matching.adapters.tables import OpenRequestView, Recipient
from services.matching.entrypoints.deps import Runtime
from services.matching.handlers.answering import expire_overdue
from services.runtime.auth import Role, require_roles

router = APIRouter(tags=["internal"])


@router.get("/internal/requests/{request_id}/recipients", dependencies=[require_roles(Role.SERVICE)],
            summary="Which providers and locations were told of a request (intake checks contact access)")
async def recipients(request_id: str, runtime: Runtime) -> dict[str, list[str]]:
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(select(Recipient).where(Recipient.request_id == request_id).order_by(
            col(Recipient.location_id)))).all()
    return {"provider_ids": sorted({r.provider_id for r in rows}), "location_ids": [r.location_id for r in rows]}


@router.post("/internal/jobs/expire-proposals", dependencies=[require_roles(Role.OPERATOR)],
             summary="Expire proposals whose answer period is over, now")
async def expire_now(runtime: Runtime) -> dict[str, int]:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        count = await expire_overdue(uow, now.date(), now)
    return {"expired": count}


@router.get("/api/v1/open-requests/count", tags=["operations"], summary="Number of requests matching knows of")
async def open_request_count(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.session(readonly=True) as session:
        count = (await session.exec(select(func.count()).select_from(OpenRequestView))).one()
    return {"open_requests": int(count)}
