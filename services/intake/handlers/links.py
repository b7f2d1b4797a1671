"""Handing a family its personal link: shown to the desk (to print or read out) and mailed if asked."""

from __future__ import annotations

from datetime import datetime

from services.intake.adapters.tables import CareRequest, FamilyData
from services.intake.handlers.mails import family_request_ids, queue_mail
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def prepare_link(uow: UnitOfWork, request: CareRequest, send_mail: bool, now: datetime) -> tuple[list[str], bool]:
    """The request ids the link opens, and whether a mail with it was queued (the token comes later)."""
    if request.status == "merged" or request.erased_at is not None:
        raise AppError("request_closed", 409, state=request.status)
    ids = await family_request_ids(uow.session, request)
    data = await uow.session.get(FamilyData, request.request_id)
    mailed = bool(send_mail and data is not None and data.contact_email)
    if mailed and data is not None:
        queue_mail(uow, "link_handover", request.request_id, data.contact_email, request.language, now)
    return ids, mailed
