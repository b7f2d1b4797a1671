""""My requests": what a referrer registered, or what a family's personal link opens."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, select

from services.intake.adapters.tables import CareRequest, FamilyData
from services.intake.entrypoints.deps import Runtime
from services.intake.entrypoints.schemas import WorklistRow
from services.intake.handlers.views import audit
from services.intake.handlers.worklist import row_of
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["requests"])


@router.get("/my/requests", response_model=list[WorklistRow], summary="Requests of this family or referrer")
async def my_requests(runtime: Runtime, principal: CurrentPrincipal) -> list[WorklistRow]:
    query = select(CareRequest, FamilyData).outerjoin(FamilyData, col(FamilyData.request_id) ==
                                                      col(CareRequest.request_id))
    if principal.role is Role.PARENT:
        query = query.where(col(CareRequest.request_id).in_(principal.request_ids))
    elif principal.role is Role.REFERRER:
        query = query.where(CareRequest.registered_by_subject == principal.subject)
    else:
        raise AppError("forbidden", 403)
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        rows = (await uow.session.exec(query.order_by(col(CareRequest.registered_at).desc()).limit(200))).all()
        for desk_id in sorted({request.desk_id for request, _ in rows}):
            audit(uow.session, principal, desk_id, "list", now,
                  request_ids=[r.request_id for r, _ in rows if r.desk_id == desk_id])
    return [row_of(request, data, now.date()) for request, data in rows]
