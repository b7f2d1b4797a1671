"""Mails to families are queued in the same unit of work as the change that causes them.

The link inside is made only when the mail is sent (adapters/mailer.py), so no token is stored.
A merged duplicate's link goes only to the e-mail addresses the open request already had: whoever
typed a matching name and birth date does not get someone else's link.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.intake.adapters.tables import CareRequest, FamilyData, MailOutbox
from services.intake.domain.registration import RegisterRequest
from services.runtime.uow import UnitOfWork


def queue_mail(uow: UnitOfWork, kind: str, request_id: str, to: str, language: str, now: datetime) -> None:
    uow.session.add(MailOutbox(kind=kind, request_id=request_id, to_address=to, language=language,
                               next_attempt_at=now))


async def queue_link_mails(uow: UnitOfWork, ids: Sequence[str], survivors: Sequence[str | None],
                           command: RegisterRequest, now: datetime) -> None:
    fresh = [request_id for request_id, survivor in zip(ids, survivors, strict=True) if survivor is None]
    if fresh and command.contact_email:
        queue_mail(uow, "status_link", fresh[0], command.contact_email, command.language, now)
    for survivor_id in sorted({s for s in survivors if s}):
        survivor = await uow.session.get(CareRequest, survivor_id)
        data = await uow.session.get(FamilyData, survivor_id)
        if survivor is not None and data is not None and data.contact_email:
            queue_mail(uow, "merged_link", survivor_id, data.contact_email, survivor.language, now)


async def family_request_ids(session: AsyncSession, request: CareRequest) -> list[str]:
    """Every request of the family a personal link opens (a merged duplicate is not one of them)."""
    return (await families_of(session, [request]))[request.request_id]


async def families_of(session: AsyncSession, requests: Sequence[CareRequest]) -> dict[str, list[str]]:
    """``family_request_ids`` of each request, in one query for all their families (oldest first; the
    request itself leads when it is not merged and not yet among them)."""
    refs = sorted({request.family_ref for request in requests})
    rows = (await session.exec(
        select(CareRequest.request_id, CareRequest.family_ref).where(col(CareRequest.family_ref).in_(refs),
                                                                     col(CareRequest.status) != "merged")
        .order_by(col(CareRequest.registered_at)))).all() if refs else []
    by_family: dict[str, list[str]] = {}
    for request_id, family_ref in rows:
        by_family.setdefault(family_ref, []).append(request_id)
    answer = {}
    for request in requests:
        ids = list(by_family.get(request.family_ref, []))
        if request.request_id not in ids and request.status != "merged":
            ids.insert(0, request.request_id)
        answer[request.request_id] = ids
    return answer
