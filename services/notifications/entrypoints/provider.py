"""A provider's own settings: how it is told (preferences) and where its software listens (webhooks)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response
from sqlalchemy import update
from sqlmodel import col, func, select

from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.provider_tables import ProviderPreferences, WebhookSubscription
from services.notifications.domain.deadlines import DEFAULT_DIGEST_HOUR
from services.notifications.domain.preferences import MAX_WEBHOOKS, PreferencesIn, WebhookIn, webhook_url_allowed
from services.notifications.domain.signing import new_secret
from services.notifications.entrypoints.deps import Runtime, require_provider
from services.notifications.entrypoints.schemas import PreferencesOut, WebhookCreated, WebhookOut
from services.runtime.auth import CurrentPrincipal
from services.runtime.errors import AppError
from services.runtime.logs import get_logger

router = APIRouter(prefix="/api/v1/provider", tags=["provider settings"])
log = get_logger(__name__)


def prefs_out(provider_id: str, row: ProviderPreferences | None) -> PreferencesOut:
    if row is None:
        return PreferencesOut(provider_id=provider_id, mode="immediate", digest_hour=DEFAULT_DIGEST_HOUR,
                              channels=["pull"], email=None, language="nl", chosen=False)
    return PreferencesOut(provider_id=provider_id, mode=row.mode, digest_hour=row.digest_hour,
                          channels=row.channel_list, email=row.email or None, language=row.language, chosen=True)


@router.get("/preferences", response_model=PreferencesOut, summary="How this provider is told about requests")
async def get_preferences(runtime: Runtime, principal: CurrentPrincipal) -> PreferencesOut:
    provider_id = require_provider(principal)
    async with runtime.db.session(readonly=True) as session:
        row = await session.get(ProviderPreferences, provider_id)
        await session.commit()
    return prefs_out(provider_id, row)


@router.put("/preferences", response_model=PreferencesOut, summary="Choose immediate or digest, and channels")
async def put_preferences(body: PreferencesIn, runtime: Runtime, principal: CurrentPrincipal) -> PreferencesOut:
    provider_id = require_provider(principal)
    async with runtime.uow() as uow:
        row = await uow.session.get(ProviderPreferences, provider_id)
        email = str(body.email) if body.email else (row.email if row else "")
        if "email" in body.channels and not email:
            raise AppError("email_needed", 422, field="email")
        if row is None:
            row = ProviderPreferences(provider_id=provider_id, updated_at=runtime.clock.now())
            uow.session.add(row)
        row.mode, row.digest_hour, row.channels = body.mode, body.digest_hour, " ".join(body.channels)
        row.email, row.language = email, body.language or row.language or "nl"
        row.updated_at, row.updated_by = runtime.clock.now(), principal.subject
        result = prefs_out(provider_id, row)
    log.info("provider preferences changed", provider_id=provider_id, mode=body.mode, channels=body.channels)
    return result


@router.get("/webhooks", response_model=list[WebhookOut], summary="This provider's webhook subscriptions")
async def list_webhooks(runtime: Runtime, principal: CurrentPrincipal) -> list[WebhookOut]:
    provider_id = require_provider(principal)
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(select(WebhookSubscription).where(
            WebhookSubscription.provider_id == provider_id, WebhookSubscription.status == "active",
        ).order_by(col(WebhookSubscription.created_at)))).all()
        await session.commit()
    return [WebhookOut(**row.model_dump()) for row in rows]


@router.post("/webhooks", response_model=WebhookCreated, status_code=201,
             summary="Subscribe a URL; the answer holds the signing secret, shown only once")
async def create_webhook(body: WebhookIn, runtime: Runtime, principal: CurrentPrincipal) -> WebhookCreated:
    provider_id = require_provider(principal)
    url = str(body.url)
    if not webhook_url_allowed(url, runtime.settings.env):
        raise AppError("webhook_https", 422, field="url")
    async with runtime.uow() as uow:
        count = (await uow.session.exec(select(func.count()).select_from(WebhookSubscription).where(
            WebhookSubscription.provider_id == provider_id, WebhookSubscription.status == "active"))).one()
        if count >= MAX_WEBHOOKS:
            raise AppError("webhook_limit", 422, field="url", max=MAX_WEBHOOKS)
        row = WebhookSubscription(subscription_id=str(uuid.uuid4()), provider_id=provider_id, url=url,
                                  secret=new_secret(), description=body.description, created_at=runtime.clock.now())
        uow.session.add(row)
        created = WebhookCreated(**row.model_dump())
    log.info("webhook subscribed", provider_id=provider_id, subscription_id=row.subscription_id)
    return created


@router.delete("/webhooks/{subscription_id}", status_code=204, summary="Stop sending to this URL")
async def delete_webhook(subscription_id: str, runtime: Runtime, principal: CurrentPrincipal) -> Response:
    provider_id = require_provider(principal)
    async with runtime.uow() as uow:
        row = await uow.session.get(WebhookSubscription, subscription_id)
        if row is None or row.provider_id != provider_id or row.status != "active":
            raise AppError("not_found", 404)
        row.status, row.deleted_at = "deleted", runtime.clock.now()
        await uow.session.exec(update(Delivery).where(  # type: ignore[call-overload]
            col(Delivery.target) == subscription_id, col(Delivery.status).in_(("pending", "retrying")),
        ).values(status="cancelled", last_result="webhook removed by the provider"))
    log.info("webhook deleted", provider_id=provider_id, subscription_id=subscription_id)
    return Response(status_code=204)
