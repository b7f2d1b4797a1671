"""A family that lost its personal link asks for it again by e-mail (public, rate limited).

The answer is the same whether the address is known or not, so nobody learns who registered.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, EmailStr, field_validator
from sqlalchemy import func
from sqlmodel import col, select

from services.intake.adapters.tables import CareRequest, FamilyData
from services.intake.domain.registration import checked_email
from services.intake.entrypoints.deps import Parts, Runtime, public_limit
from services.intake.handlers.mails import queue_mail

router = APIRouter(prefix="/api/v1", tags=["requests"])


class ResendLink(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"email": "sara@example.org"}]})

    email: EmailStr

    @field_validator("email", mode="before")
    @classmethod
    def plain(cls, value: object) -> object:
        return checked_email(value)


@router.post("/links", status_code=202, summary="Mail my personal link again (always 202)")
async def resend_link(command: ResendLink, runtime: Runtime, parts: Parts,
                      _: None = public_limit("links")) -> dict[str, str]:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        rows = (await uow.session.exec(
            select(CareRequest, FamilyData).join(FamilyData, col(FamilyData.request_id) == col(CareRequest.request_id))
            .where(func.lower(FamilyData.contact_email) == command.email.lower(),
                   col(CareRequest.status).in_(("open", "allocated")))
            .order_by(col(CareRequest.registered_at)))).all()
        families = {request.parent_subject: (request, data) for request, data in rows}
        for request, data in families.values():  # to the address as the family wrote it at registration
            queue_mail(uow, "link_handover", request.request_id, data.contact_email, request.language, now)
    if families:
        parts.mailer.wake()
    return {"status": "accepted"}
