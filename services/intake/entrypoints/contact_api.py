"""Families' contact details for those entitled to them, and the desk's access log.

Entitled: a desk worker of the request's desk; a provider whose location received the request
(matching says which); a service (notifications mails families about proposals). Every access,
granted or refused, is written to the audit log the desk reads.
"""

from __future__ import annotations

from fastapi import APIRouter, Query
from sqlmodel import col, or_, select

from services.intake.adapters.tables import AuditEntry, CareRequest, FamilyData
from services.intake.entrypoints.deps import Parts, Runtime
from services.intake.entrypoints.schemas import AuditRow, ContactDetails
from services.intake.handlers.common import load_request
from services.intake.handlers.views import audit, contact_of
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["personal data"])


@router.get("/requests/{request_id}/contact", response_model=ContactDetails,
            summary="How to reach the family (desk of the request, provider that received it, services)")
async def get_contact(request_id: str, runtime: Runtime, parts: Parts, principal: CurrentPrincipal) -> ContactDetails:
    now = runtime.clock.now()
    async with runtime.db.session(readonly=True) as session:
        request = await session.get(CareRequest, request_id)
    if request is None:
        raise AppError("not_found", 404)
    allowed = principal.role is Role.SERVICE or (principal.role is Role.DESK and request.desk_id in principal.desk_ids)
    if principal.role is Role.PROVIDER and principal.provider_id:
        recipients = await parts.recipients.of(request_id)  # asked outside any transaction
        allowed = principal.provider_id in recipients.provider_ids
    async with runtime.uow() as uow:
        request = await load_request(uow, request_id)
        data = await uow.session.get(FamilyData, request_id)
        audit(uow.session, principal, request.desk_id, "contact", now, request_id=request_id,
              outcome="granted" if allowed else "refused")
    if not allowed:
        raise AppError("forbidden", 403)
    contact = contact_of(request, data)
    if contact is None:
        raise AppError("personal_data_erased", 410)
    return contact


@router.get("/desks/{desk_id}/audit", response_model=list[AuditRow], summary="Who accessed families' data")
async def get_audit(desk_id: str, runtime: Runtime, principal: CurrentPrincipal,
                    request_id: str = Query("", max_length=36),
                    page: int = Query(1, ge=1, le=10_000)) -> list[AuditRow]:
    if principal.role is not Role.DESK or desk_id not in principal.desk_ids:
        raise AppError("forbidden", 403)
    query = select(AuditEntry).where(AuditEntry.desk_id == desk_id)
    if request_id:
        query = query.where(or_(col(AuditEntry.request_id) == request_id,
                                col(AuditEntry.request_ids).contains(request_id)))
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(query.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
                                   .offset((page - 1) * 100).limit(100))).all()
    return [AuditRow(at=r.at, request_id=r.request_id, request_ids=r.request_ids.split(), actor_role=r.actor_role,
                     actor_name=r.actor_name, actor_provider_id=r.actor_provider_id, action=r.action,
                     outcome=r.outcome) for r in rows]
