"""Telling a family: by e-mail in its own language, or as a letter the desk prints.

The family's contact is read from intake at the moment of sending (and logged there and here);
only the outcome and the language are kept with the delivery, never the address.
"""

from __future__ import annotations

from datetime import datetime

from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.directory import ContactUnavailable, Directory
from services.notifications.adapters.mailer import Mailer, SendResult
from services.notifications.dispatch.outcomes import details_of, log_attempt, mark_delivered, mark_failed, to_letter
from services.notifications.domain.family_texts import family_message
from services.runtime.uow import UnitOfWorkFactory

UNKNOWN = "request unknown at intake"


async def family_text(row: Delivery, directory: Directory, language: str) -> tuple[str, str]:
    details = details_of(row)
    if row.location_ids:
        details["location_name"] = await directory.location_name(row.location_ids.split()[0])
    return family_message(row.kind, details, language)


async def send_to_family(row: Delivery, token: str, *, uow: UnitOfWorkFactory, mailer: Mailer,
                         directory: Directory, at: datetime) -> None:
    try:
        contact = await directory.family_contact(row.request_id, purpose=f"notify family: {row.kind}")
    except ContactUnavailable as exc:
        await _finish(uow, row, token, SendResult(False, f"intake: {exc}"[:300]), at)
        return
    if contact is None:
        await _finish(uow, row, token, SendResult(False, UNKNOWN, permanent=True), at)
        return
    if not contact.email:
        async with uow() as unit:
            fresh = await unit.session.get(Delivery, row.delivery_id)
            if fresh is not None and fresh.lease_owner == token:
                await to_letter(unit, fresh, contact.language, "no e-mail: letter to print", at)
        return
    subject, body = await family_text(row, directory, contact.language)
    message = mailer.build(to=contact.email, subject=subject, body=body, message_id=row.delivery_id, sent_at=at,
                           language=contact.language)
    result = await mailer.send(message)
    await _finish(uow, row, token, result, at, language=contact.language)


async def _finish(uow: UnitOfWorkFactory, row: Delivery, token: str, result: SendResult, at: datetime,
                  language: str | None = None) -> None:
    async with uow() as unit:
        fresh = await unit.session.get(Delivery, row.delivery_id)
        if fresh is None or fresh.lease_owner != token or fresh.status != "sending":
            return
        if language:
            fresh.language = language
        if result.ok:
            await mark_delivered(unit, fresh, result.detail, at)
        elif result.detail == UNKNOWN:
            fresh.status, fresh.last_result, fresh.lease_owner, fresh.lease_until = "failed", UNKNOWN, None, None
            await log_attempt(unit, fresh, "failed", UNKNOWN, at)
        else:
            await mark_failed(unit, fresh, result, at)
