"""Which deliveries are due, and claiming them so that exactly one replica sends each.

Two guards, in this order: a Redis lock per message (cheap, keeps replicas from even trying the
same one) and a conditional UPDATE in the database that sets a lease (the authority: Redis is
never the only copy). A claim whose lease ran out - the sender crashed mid-way - is claimed again
and the message re-sent with the same id (webhook-id, Message-ID), so receivers can drop a repeat.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from datetime import datetime, timedelta

from sqlalchemy import func, literal, or_, update
from sqlmodel import col, select

from services.notifications.adapters.delivery_tables import Delivery
from services.runtime.db import Database

LEASE = timedelta(minutes=5)
SENDABLE = ("pending", "retrying", "sending")
_FIRST_TYPE = Delivery.__table__.c.first_attempt_at.type  # type: ignore[attr-defined]


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


async def claim(db: Database, ids: list[str], now: datetime) -> tuple[str, list[Delivery]]:
    """Lease the still-due rows among *ids*; returns the claim token and the claimed rows."""
    token = uuid.uuid4().hex
    async with db.session() as session:
        await session.exec(update(Delivery).where(  # type: ignore[call-overload]
            col(Delivery.delivery_id).in_(ids), *_due(now),
        ).values(
            status="sending", lease_owner=token, lease_until=now + LEASE, attempts=col(Delivery.attempts) + 1,
            first_attempt_at=func.coalesce(col(Delivery.first_attempt_at), literal(now, _FIRST_TYPE)),
        ))
        rows = (await session.exec(select(Delivery).where(
            col(Delivery.delivery_id).in_(ids), Delivery.lease_owner == token,
        ).order_by(col(Delivery.delivery_id)))).all()
        await session.commit()
    return token, list(rows)
