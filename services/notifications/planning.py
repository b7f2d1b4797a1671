"""Deciding who gets which message through which channel, written as durable delivery rows.

Handlers and scheduled jobs call these inside their unit of work: the rows are committed with the
fact that caused them (and the inbox row of the event), and the dispatcher sends them later. A
restart therefore never forgets a message, and the idempotency key never lets one be planned twice.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.notifications.adapters.deadline_tables import Escalation
from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.provider_tables import ProviderPreferences, WebhookSubscription
from services.notifications.adapters.store import insert_once
from services.notifications.domain import keys
from services.notifications.domain.deadlines import DEFAULT_DIGEST_HOUR, next_digest_at

DIGESTIBLE = ("new_request",)
NOT_IN_FEED = ("report_shared",)  # the pull feed lists requests; a shared report is fetched from reporting


def _json(details: dict[str, Any]) -> str:
    return json.dumps(details, default=str, sort_keys=True)


async def provider_targets(session: AsyncSession, provider_id: str) -> list[tuple[str, str]]:
    """(channel, target) pairs the provider chose; only the pull feed for an unknown provider."""
    prefs = await session.get(ProviderPreferences, provider_id)
    channels = prefs.channel_list if prefs else ["pull"]
    targets: list[tuple[str, str]] = []
    if "email" in channels and prefs and prefs.email:
        targets.append(("email", prefs.email))
    if "webhook" in channels:
        hooks = (await session.exec(select(WebhookSubscription).where(
            WebhookSubscription.provider_id == provider_id, WebhookSubscription.status == "active"))).all()
        targets += [("webhook", hook.subscription_id) for hook in sorted(hooks, key=lambda h: h.subscription_id)]
    if "pull" in channels:
        targets.append(("pull", ""))
    return targets


async def plan_provider_message(
    session: AsyncSession, *, provider_id: str, desk_id: str, request_id: str, location_ids: Sequence[str],
    kind: str, ref: str, details: dict[str, Any], source_time: datetime, now: datetime, desk_mode: str,
) -> int:
    """One delivery per chosen channel; a digest-mode provider gets new requests at its digest hour."""
    prefs = await session.get(ProviderPreferences, provider_id)
    mode = prefs.mode if prefs else desk_mode
    hour = prefs.digest_hour if prefs else DEFAULT_DIGEST_HOUR
    language = prefs.language if prefs else "nl"
    planned = 0
    for channel, target in await provider_targets(session, provider_id):
        if channel == "pull" and kind in NOT_IN_FEED:
            continue
        due, batch = source_time, None
        if mode == "digest" and kind in DIGESTIBLE and channel in ("email", "webhook"):
            due = next_digest_at(source_time, hour)
            batch = f"digest:{provider_id}:{channel}:{target}:{due.isoformat()}"
        row = dict(
            delivery_id=str(uuid.uuid4()),
            idempotency_key=keys.provider_key(provider_id, request_id, kind, ref, channel, target),
            audience="provider", provider_id=provider_id, desk_id=desk_id, request_id=request_id,
            location_ids=" ".join(sorted(location_ids)), kind=kind, channel=channel, target=target,
            language=language, batch_key=batch, next_attempt_at=due, source_time=source_time, created_at=now,
            details=_json(details),
        )
        planned += int(await insert_once(session, Delivery, row, "idempotency_key"))
    return planned


async def plan_family_message(
    session: AsyncSession, *, desk_id: str, request_id: str, kind: str, ref: str, details: dict[str, Any],
    source_time: datetime, now: datetime, proposal_id: str | None = None, location_id: str | None = None,
) -> bool:
    """A message to the family; e-mail or a printed letter is decided when it is sent."""
    row = dict(
        delivery_id=str(uuid.uuid4()), idempotency_key=keys.family_key(request_id, kind, ref),
        audience="family", desk_id=desk_id, request_id=request_id, location_ids=location_id or "",
        proposal_id=proposal_id, kind=kind, channel="email", next_attempt_at=source_time,
        source_time=source_time, created_at=now, details=_json(details),
    )
    return await insert_once(session, Delivery, row, "idempotency_key")


async def open_escalation(
    session: AsyncSession, *, key: str, desk_id: str, request_id: str, kind: str, detected_at: datetime,
    provider_id: str | None = None, location_id: str | None = None, proposal_id: str | None = None,
    delivery_id: str | None = None, due_date: date | None = None,
) -> bool:
    row = dict(
        escalation_id=str(uuid.uuid4()), idempotency_key=key, desk_id=desk_id, request_id=request_id, kind=kind,
        provider_id=provider_id, location_id=location_id, proposal_id=proposal_id, delivery_id=delivery_id,
        due_date=due_date, detected_at=detected_at,
    )
    return await insert_once(session, Escalation, row, "idempotency_key")
