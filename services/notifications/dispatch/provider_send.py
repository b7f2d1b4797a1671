"""Sending to a provider through the channel it chose: e-mail, signed webhook or its pull feed."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col

from services.notifications.adapters.delivery_tables import Delivery, FeedCounter
from services.notifications.adapters.directory import Directory
from services.notifications.adapters.mailer import Mailer, SendResult
from services.notifications.adapters.store import insert_once
from services.notifications.adapters.webhook_sender import WebhookSender
from services.notifications.dispatch.claims import Claim
from services.notifications.dispatch.facts import facts_of
from services.notifications.dispatch.outcomes import details_of, log_attempt
from services.notifications.domain.provider_texts import provider_mail
from services.notifications.domain.report_texts import report_shared_mail
from services.runtime.uow import UnitOfWork

WEBHOOK_TYPES = {"new_request": "request.distributed", "reminder": "request.reminder",
                 "report_shared": "report.shared"}


async def item_of(claimed: Claim, row: Delivery, directory: Directory) -> dict[str, Any]:
    """One request as the provider reads it; facts (read with the claim) and location names at send time."""
    details = facts_of(claimed.requests.get(row.request_id), details_of(row))
    location_ids = row.location_ids.split()
    names = [await directory.location_name(loc) or loc for loc in location_ids]
    return {**details, "notification_id": row.delivery_id, "kind": row.kind, "request_id": row.request_id,
            "desk_id": row.desk_id, "location_ids": location_ids, "location_names": names}


def message_id(group_key: str, rows: list[Delivery]) -> str:
    """Stable across retries: the delivery id, or a name-based id for a digest batch."""
    if len(rows) == 1 and not rows[0].batch_key:
        return rows[0].delivery_id
    return str(uuid.uuid5(uuid.NAMESPACE_URL, group_key))


async def send_email(claimed: Claim, rows: list[Delivery], group_key: str, *, mailer: Mailer,
                     directory: Directory, portal_url: str, at: datetime) -> SendResult:
    items = [await item_of(claimed, row, directory) for row in rows]
    first = rows[0]
    kind = "digest" if first.batch_key else first.kind
    if kind == "report_shared":
        subject, body = report_shared_mail(items[0], first.language, portal_url)
    else:
        subject, body = provider_mail(kind, items, first.language, portal_url)
    message = mailer.build(to=first.target, subject=subject, body=body, message_id=message_id(group_key, rows),
                           sent_at=at, language=first.language)
    return await mailer.send(message)


def webhook_body(rows: list[Delivery], items: list[dict[str, Any]], at: datetime) -> bytes:
    first = rows[0]
    if first.batch_key:
        payload: dict[str, Any] = {"type": "requests.digest", "timestamp": at.isoformat(), "data": {"items": items}}
    else:
        payload = {"type": WEBHOOK_TYPES.get(first.kind, first.kind), "timestamp": at.isoformat(),
                   "data": items[0]}
    return json.dumps(payload, default=str, sort_keys=True).encode()


async def send_webhook(claimed: Claim, rows: list[Delivery], group_key: str, *, sender: WebhookSender,
                       directory: Directory, at: datetime) -> SendResult:
    subscription = claimed.subscriptions.get(rows[0].target)
    if subscription is None or subscription.status != "active":
        return SendResult(False, "webhook subscription deleted", permanent=True)
    items = [await item_of(claimed, row, directory) for row in rows]
    body = webhook_body(rows, items, at)
    return await sender.post(subscription.url, subscription.secret, message_id(group_key, rows),
                             int(at.timestamp()), body)


async def publish_to_feed(uow: UnitOfWork, row: Delivery, at: datetime) -> None:
    """Give the message the next number in the provider's feed; its software fetches from there.

    The number comes from the provider's counter row, incremented in this transaction: a second
    numbering for the same provider waits for this one to commit, so numbers become visible in
    order and a feed reader never skips one committed later (the unique constraint backs this up).
    """
    assert row.provider_id is not None
    await insert_once(uow.session, FeedCounter, {"provider_id": row.provider_id, "last_seq": 0}, "provider_id")
    result = await uow.session.exec(  # type: ignore[call-overload]
        update(FeedCounter).where(col(FeedCounter.provider_id) == row.provider_id)
        .values(last_seq=col(FeedCounter.last_seq) + 1).returning(col(FeedCounter.last_seq))
    )
    row.feed_seq = int(result.scalar_one())
    row.status, row.last_result = "available", f"in feed as #{row.feed_seq}"
    row.lease_owner, row.lease_until = None, None
    await log_attempt(uow, row, "available", row.last_result, at)
