"""The pull channel: a provider's software reads its notifications with a cursor.

``GET /api/v1/provider/feed?after=N`` returns the messages numbered after N and confirms receipt
of everything up to N - the moment the software asks for more is our proof it was told (a
ProviderNotified event with channel "pull"). Numbers are per provider and never reused.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query
from sqlmodel import col, select

from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.dispatch.facts import request_facts
from services.notifications.dispatch.outcomes import log_attempt, provider_notified
from services.notifications.entrypoints.deps import Runtime, require_provider
from services.notifications.entrypoints.schemas import FeedItem, FeedPage
from services.runtime.auth import CurrentPrincipal

router = APIRouter(prefix="/api/v1/provider", tags=["provider feed"])


@router.get("/feed", response_model=FeedPage, summary="New requests and reminders for this provider (pull)")
# a feed number is a database BIGINT: a larger ?after= answered 500 (found by schemathesis)
async def feed(runtime: Runtime, principal: CurrentPrincipal, after: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,
               limit: Annotated[int, Query(ge=1, le=500)] = 100) -> FeedPage:
    provider_id = require_provider(principal)
    async with runtime.uow() as uow:
        now = runtime.clock.now()
        confirmed = (await uow.session.exec(select(Delivery).where(
            Delivery.provider_id == provider_id, Delivery.channel == "pull", Delivery.status == "available",
            col(Delivery.feed_seq) <= after,
        ))).all()
        for row in confirmed:
            row.status, row.delivered_at, row.last_result = "delivered", now, f"fetched by {principal.subject}"
            await log_attempt(uow, row, "delivered", row.last_result, now)
            await provider_notified(uow, row, now)
        rows = (await uow.session.exec(select(Delivery).where(
            Delivery.provider_id == provider_id, Delivery.channel == "pull", col(Delivery.feed_seq) > after,
        ).order_by(col(Delivery.feed_seq)).limit(limit))).all()
        items = [FeedItem(seq=row.feed_seq or 0, notification_id=row.delivery_id, kind=row.kind,
                          request_id=row.request_id, desk_id=row.desk_id, location_ids=row.location_ids.split(),
                          details=await request_facts(uow.session, row.request_id, json.loads(row.details)),
                          created_at=row.created_at) for row in rows]
    return FeedPage(items=items, next_after=items[-1].seq if items else after)
