"""Which deliveries are due, and claiming them so that exactly one replica sends each.

Two guards, in this order: a Redis lock per message (cheap, keeps replicas from even trying the
same one; ``locks.py``) and a conditional UPDATE in the database that sets a lease (the authority:
Redis is never the only copy). A claim whose lease ran out - the sender crashed mid-way - is claimed
again and the message re-sent with the same id (webhook-id, Message-ID), so receivers can drop a
repeat. Many messages are claimed in one transaction, with what their sending reads (webhook
subscriptions, request facts): each transaction on SQLite costs far more CPU than the rows in it.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, literal, or_, update
from sqlmodel import col, select

from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.provider_tables import WebhookSubscription
from services.notifications.adapters.request_tables import TrackedRequest
from services.runtime.db import Database

LEASE = timedelta(minutes=5)
SENDABLE = ("pending", "retrying", "sending")
_FIRST_TYPE = Delivery.__table__.c.first_attempt_at.type  # type: ignore[attr-defined]


@dataclass
class Claim:
    """Rows leased under *token*, and what sending them needs to read."""

    token: str
    rows: list[Delivery]
    subscriptions: dict[str, WebhookSubscription] = field(default_factory=dict)
    requests: dict[str, TrackedRequest] = field(default_factory=dict)


def _due(now: datetime):  # type: ignore[no-untyped-def]
    return (
        col(Delivery.status).in_(SENDABLE),
        col(Delivery.next_attempt_at) <= now,
        or_(col(Delivery.lease_until).is_(None), col(Delivery.lease_until) < now),
    )


async def due_groups(db: Database, now: datetime, limit: int = 200) -> list[tuple[str, list[str]]]:
    """(group key, delivery ids) of due messages; a digest batch is one group."""
    async with db.session(readonly=True) as session:
        rows = (await session.exec(
            select(Delivery.delivery_id, Delivery.batch_key).where(*_due(now))
            .order_by(col(Delivery.next_attempt_at), col(Delivery.delivery_id)).limit(limit)
        )).all()
        await session.commit()
    groups: OrderedDict[str, list[str]] = OrderedDict()
    for delivery_id, batch_key in rows:
        groups.setdefault(batch_key or delivery_id, []).append(delivery_id)
    return list(groups.items())


async def claim_batch(db: Database, ids: list[str], now: datetime) -> Claim:
    """Lease the still-due rows among *ids* in one transaction and read what sending them needs."""
    token = uuid.uuid4().hex
    async with db.session() as session:
        rows = sorted((await session.exec(update(Delivery).where(  # type: ignore[call-overload]
            col(Delivery.delivery_id).in_(ids), *_due(now),
        ).values(
            status="sending", lease_owner=token, lease_until=now + LEASE, attempts=col(Delivery.attempts) + 1,
            first_attempt_at=func.coalesce(col(Delivery.first_attempt_at), literal(now, _FIRST_TYPE)),
        ).returning(Delivery).execution_options(synchronize_session=False))).scalars().all(),
            key=lambda row: row.delivery_id)
        claimed = Claim(token, list(rows))
        hooks = {row.target for row in rows if row.channel == "webhook"}
        if hooks:
            found = await session.exec(select(WebhookSubscription).where(
                col(WebhookSubscription.subscription_id).in_(hooks)))
            claimed.subscriptions = {hook.subscription_id: hook for hook in found.all()}
        told = {row.request_id for row in rows if row.audience == "provider" and row.channel != "pull"}
        if told:
            found_requests = await session.exec(select(TrackedRequest).where(
                col(TrackedRequest.request_id).in_(told)))
            claimed.requests = {request.request_id: request for request in found_requests.all()}
        await session.commit()
    return claimed
