"""Erasure: a family's personal data go, the pseudonymous history stays, no count changes.

Only a closed request (withdrawn, allocated or merged) can be erased: erasing emits no event, so
every projection and report stays exactly as it was. The same happens on its own once a closed
request is older than the desk's retention period (SPEC 7).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import col, select

from contracts.events.intake import DeskPolicyChanged
from services.intake.adapters.tables import CareRequest, DeskPolicyVersion, FamilyData, Fingerprint, MailOutbox
from services.intake.handlers.common import Actor, record_change
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork

RETENTION_ACTOR = Actor("system:retention", "system", "retention")


async def _wipe(uow: UnitOfWork, request: CareRequest, actor: Actor, now: datetime) -> None:
    for table in (FamilyData, Fingerprint):
        await uow.session.execute(delete(table).where(col(table.request_id) == request.request_id))
    await uow.session.execute(delete(MailOutbox).where(col(MailOutbox.request_id) == request.request_id,
                                                       col(MailOutbox.status) != "sent"))
    request.erased_at = now
    uow.session.add(request)
    await record_change(uow, request, actor, "erased", now, ("personal_data",))


async def erase(uow: UnitOfWork, request: CareRequest, actor: Actor, now: datetime) -> list[str]:
    """Erase *request* and the duplicates merged into it (the same child); return the erased ids."""
    if request.erased_at is not None:
        raise AppError("already_erased", 409)
    if request.status == "open":
        raise AppError("erase_open_request", 409)
    merged = (await uow.session.exec(select(CareRequest).where(CareRequest.merged_into == request.request_id,
                                                               col(CareRequest.erased_at).is_(None)))).all()
    erased = []
    for row in [request, *merged]:
        await _wipe(uow, row, actor, now)
        erased.append(row.request_id)
    return erased


async def erase_expired(uow: UnitOfWork, now: datetime, *, limit: int = 200) -> int:
    """Erase closed requests whose desk's retention period (policy of the request) has passed."""
    rows = (await uow.session.exec(
        select(CareRequest, DeskPolicyVersion).join(DeskPolicyVersion, (
            col(DeskPolicyVersion.desk_id) == col(CareRequest.desk_id))
            & (col(DeskPolicyVersion.version) == col(CareRequest.policy_version)))
        .where(col(CareRequest.erased_at).is_(None), col(CareRequest.closed_at).is_not(None),
               col(CareRequest.status) != "open")
        .order_by(col(CareRequest.closed_at)).limit(limit))).all()
    count = 0
    for request, version in rows:
        retention = DeskPolicyChanged.model_validate_json(version.body).retention_days
        if request.closed_at is not None and request.closed_at + timedelta(days=retention) <= now:
            await _wipe(uow, request, RETENTION_ACTOR, now)
            count += 1
    return count
