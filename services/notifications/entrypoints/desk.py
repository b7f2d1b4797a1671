"""The desk's worklist: overdue answers, messages that could not be delivered, letters to print."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from sqlmodel import col, select

from services.notifications.adapters.deadline_tables import Escalation
from services.notifications.adapters.delivery_tables import Delivery, DeliveryAttempt
from services.notifications.dispatch.family_send import family_text
from services.notifications.entrypoints.deps import Dir, Runtime, require_desk
from services.notifications.entrypoints.schemas import EscalationOut, LetterOut
from services.runtime.auth import CurrentPrincipal
from services.runtime.errors import AppError
from services.runtime.logs import get_logger

router = APIRouter(prefix="/api/v1/desk/{desk_id}", tags=["desk worklist"])
log = get_logger(__name__)


def escalation_out(row: Escalation) -> EscalationOut:
    return EscalationOut(**row.model_dump())


@router.get("/overdue", response_model=list[EscalationOut], summary="Escalations for the desk's worklist")
async def overdue(desk_id: str, runtime: Runtime, principal: CurrentPrincipal,
                  status: Literal["open", "resolved", "all"] = "open") -> list[EscalationOut]:
    require_desk(principal, desk_id)
    query = select(Escalation).where(Escalation.desk_id == desk_id)
    if status != "all":
        query = query.where(Escalation.status == status)
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(query.order_by(col(Escalation.detected_at), col(Escalation.escalation_id)))).all()
        await session.commit()
    return [escalation_out(row) for row in rows]


@router.post("/overdue/{escalation_id}/resolve", response_model=EscalationOut, summary="Mark a worklist line done")
async def resolve(desk_id: str, escalation_id: str, runtime: Runtime, principal: CurrentPrincipal) -> EscalationOut:
    require_desk(principal, desk_id)
    async with runtime.uow() as uow:
        row = await uow.session.get(Escalation, escalation_id)
        if row is None or row.desk_id != desk_id:
            raise AppError("not_found", 404)
        if row.status == "open":
            row.status, row.resolved_at, row.resolved_by = "resolved", runtime.clock.now(), principal.subject
        result = escalation_out(row)
    return result


async def _letter(runtime: Runtime, directory: Dir, desk_id: str, row: Delivery) -> LetterOut:
    subject, body = await family_text(row, directory, row.language)
    return LetterOut(delivery_id=row.delivery_id, desk_id=desk_id, request_id=row.request_id, kind=row.kind,
                     language=row.language, status=row.status, created_at=row.created_at, subject=subject, body=body)


@router.get("/letters", response_model=list[LetterOut], summary="Letters to print for families without e-mail")
async def letters(desk_id: str, runtime: Runtime, directory: Dir, principal: CurrentPrincipal,
                  status: Literal["to_print", "delivered", "all"] = "to_print") -> list[LetterOut]:
    require_desk(principal, desk_id)
    query = select(Delivery).where(Delivery.desk_id == desk_id, Delivery.channel == "letter")
    if status != "all":
        query = query.where(Delivery.status == status)
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(query.order_by(col(Delivery.created_at), col(Delivery.delivery_id)))).all()
        await session.commit()
    return [await _letter(runtime, directory, desk_id, row) for row in rows]


async def _find_letter(runtime: Runtime, desk_id: str, delivery_id: str) -> Delivery:
    async with runtime.db.session(readonly=True) as session:
        row = await session.get(Delivery, delivery_id)
        await session.commit()
    if row is None or row.desk_id != desk_id:
        raise AppError("not_found", 404)
    if row.channel != "letter":
        raise AppError("letter_only", 409)
    return row


@router.get("/letters/{delivery_id}", response_model=LetterOut, summary="One letter's text")
async def letter(desk_id: str, delivery_id: str, runtime: Runtime, directory: Dir,
                 principal: CurrentPrincipal) -> LetterOut:
    require_desk(principal, desk_id)
    return await _letter(runtime, directory, desk_id, await _find_letter(runtime, desk_id, delivery_id))


@router.post("/letters/{delivery_id}/printed", response_model=LetterOut, summary="The desk printed and sent it")
async def printed(desk_id: str, delivery_id: str, runtime: Runtime, directory: Dir,
                  principal: CurrentPrincipal) -> LetterOut:
    require_desk(principal, desk_id)
    await _find_letter(runtime, desk_id, delivery_id)
    async with runtime.uow() as uow:
        row = await uow.session.get(Delivery, delivery_id)
        assert row is not None
        if row.status == "to_print":
            now = runtime.clock.now()
            row.status, row.delivered_at, row.last_result = "delivered", now, "printed by the desk"
            uow.session.add(DeliveryAttempt(delivery_id=row.delivery_id, attempt=row.attempts, at=now,
                                            outcome="printed", detail=f"printed by {principal.subject}"))
    log.info("letter printed", delivery_id=delivery_id, desk_id=desk_id, by=principal.subject)
    return await _letter(runtime, directory, desk_id, row)
