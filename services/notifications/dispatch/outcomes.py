"""Recording what happened to a send, with its proof, in one unit of work.

Delivered: the row, an attempt line and (for providers) a ProviderNotified event commit together.
Failed for now: the next try follows the backoff schedule. Out of tries after 24 hours, or refused
for good: the row is dead and the desk's worklist gets a line (a family gets a printed letter).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import col, select

from contracts.events.notifications import ProviderNotified
from services.notifications.adapters.delivery_tables import Delivery, DeliveryAttempt
from services.notifications.adapters.mailer import SendResult
from services.notifications.adapters.store import insert_rows
from services.notifications.domain import keys
from services.notifications.domain.retry import next_attempt_at
from services.notifications.planning import open_escalation
from services.runtime.uow import UnitOfWork


def _still_mine(row: Delivery | None, token: str) -> bool:
    return row is not None and row.status == "sending" and row.lease_owner == token


def _release(row: Delivery) -> None:
    row.lease_owner, row.lease_until = None, None


async def log_attempt(uow: UnitOfWork, row: Delivery, outcome: str, detail: str, at: datetime) -> None:
    """One line of proof."""
    await insert_rows(uow.session, DeliveryAttempt, [{
        "delivery_id": row.delivery_id, "attempt": row.attempts, "at": at, "outcome": outcome, "detail": detail[:500]}])


async def provider_notified(uow: UnitOfWork, row: Delivery, at: datetime) -> None:
    assert row.provider_id is not None
    await uow.emit(ProviderNotified(
        notification_id=row.delivery_id, request_id=row.request_id, desk_id=row.desk_id,
        provider_id=row.provider_id, location_ids=tuple(row.location_ids.split()),
        channel=row.channel,  # type: ignore[arg-type]
        kind="digest" if row.batch_key else row.kind,  # type: ignore[arg-type]
        notified_at=at,
    ), occurred_at=at)


async def mark_delivered(uow: UnitOfWork, row: Delivery, detail: str, at: datetime) -> None:
    row.status, row.delivered_at, row.last_result = "delivered", at, detail
    _release(row)
    await log_attempt(uow, row, "delivered", detail, at)
    if row.audience == "provider":
        await provider_notified(uow, row, at)


async def mark_failed(uow: UnitOfWork, row: Delivery, result: SendResult, at: datetime) -> None:
    """Retry later, or give up (dead after 24 hours, failed when refused for good)."""
    _release(row)
    row.last_result = result.detail
    retry_at = None if result.permanent else next_attempt_at(row.first_attempt_at or at, row.attempts, at)
    if retry_at is not None:
        row.status, row.next_attempt_at = "retrying", retry_at
        await log_attempt(uow, row, "retry", result.detail, at)
        return
    if row.audience == "family" and row.channel == "email":
        await to_letter(uow, row, row.language, f"e-mail failed: {result.detail}", at)
        return
    row.status = "failed" if result.permanent else "dead"
    await log_attempt(uow, row, row.status, result.detail, at)
    await open_escalation(
        uow.session, key=keys.escalation_key("delivery_failed", row.delivery_id), desk_id=row.desk_id,
        request_id=row.request_id, kind="delivery_failed", detected_at=at, provider_id=row.provider_id,
        location_id=next(iter(row.location_ids.split()), None), delivery_id=row.delivery_id,
    )


async def to_letter(uow: UnitOfWork, row: Delivery, language: str, reason: str, at: datetime) -> None:
    """No usable e-mail: the desk prints the same message as a letter (its worklist shows it)."""
    _release(row)
    row.channel, row.status, row.language, row.last_result = "letter", "to_print", language, reason
    await log_attempt(uow, row, "letter", reason, at)


async def record_many(uow: UnitOfWork, outcomes: Sequence[tuple[list[str], SendResult]], token: str,
                      at: datetime) -> None:
    """Apply the results of several sends in one transaction, each to every row of its group (a digest
    is one send for many rows); rows no longer ours are left alone."""
    wanted = [delivery_id for ids, _ in outcomes for delivery_id in ids]
    found = await uow.session.exec(select(Delivery).where(col(Delivery.delivery_id).in_(wanted)))
    rows = {row.delivery_id: row for row in found.all()}
    for ids, result in outcomes:
        for delivery_id in ids:
            row = rows.get(delivery_id)
            if not _still_mine(row, token):
                continue
            assert row is not None
            if result.ok:
                await mark_delivered(uow, row, result.detail, at)
            else:
                await mark_failed(uow, row, result, at)


def details_of(row: Delivery) -> dict[str, object]:
    return dict(json.loads(row.details or "{}"))
