"""Provider API keys (managed by a signed-in person) and the service-only check identity calls.

A provider's software trades its key at identity's ``/token`` (grant type
``urn:opvangloket:grant-type:api-key``); identity asks ``POST /internal/api-keys/verify`` here
and issues a short-lived token with role ``organisator`` and the provider id.
"""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, select

from services.offer.adapters.tables import ApiKey
from services.offer.entrypoints.deps import Runtime, Scope
from services.offer.entrypoints.schemas_provider import (
    ApiKeyCreated,
    ApiKeyIn,
    ApiKeyOut,
    RotateIn,
    VerifyIn,
    VerifyOut,
)
from services.offer.handlers.api_keys import create_key, key_for, revoke_key, rotate_key, verify_key
from services.offer.handlers.common import now_of
from services.offer.queries.provider import key_out
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(tags=["provider: API keys"])


@router.get("/api/v1/provider/api-keys", response_model=list[ApiKeyOut], summary="Your API keys (never the keys)")
async def list_keys(scope: Scope, runtime: Runtime) -> list[ApiKeyOut]:
    if scope.via_api_key:
        raise AppError("api_key_human_only", 403)
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(select(ApiKey).where(ApiKey.provider_id == scope.provider_id)
                                   .order_by(col(ApiKey.created_at)))).all()
    now = runtime.clock.now()
    return [key_out(row, now) for row in rows]


@router.post("/api/v1/provider/api-keys", response_model=ApiKeyCreated, status_code=201,
             summary="Create an API key (shown once)")
async def post_key(body: ApiKeyIn, scope: Scope, runtime: Runtime) -> ApiKeyCreated:
    async with runtime.uow() as uow:
        row, new = await create_key(uow, scope, body.label, tuple(body.location_ids))
        now = now_of(uow)
    return ApiKeyCreated(**key_out(row, now).model_dump(), api_key=new.secret)


@router.post("/api/v1/provider/api-keys/{key_id}/rotate", response_model=ApiKeyCreated, status_code=201,
             summary="Rotate: a new key with the same scope; the old one works for `grace_hours` more")
async def post_rotate(key_id: str, body: RotateIn, scope: Scope, runtime: Runtime) -> ApiKeyCreated:
    async with runtime.uow() as uow:
        old = await key_for(uow, scope, key_id)
        row, new = await rotate_key(uow, scope, old, body.grace_hours)
        now = now_of(uow)
    return ApiKeyCreated(**key_out(row, now).model_dump(), api_key=new.secret)


@router.delete("/api/v1/provider/api-keys/{key_id}", response_model=ApiKeyOut, summary="Revoke a key, at once")
async def delete_key(key_id: str, scope: Scope, runtime: Runtime) -> ApiKeyOut:
    async with runtime.uow() as uow:
        row = await revoke_key(uow, await key_for(uow, scope, key_id))
        now = now_of(uow)
    return key_out(row, now)


@router.post("/internal/api-keys/verify", response_model=VerifyOut, tags=["internal"],
             summary="Check an API key (service token only; identity's token exchange)")
async def verify(body: VerifyIn, principal: CurrentPrincipal, runtime: Runtime) -> VerifyOut:
    if principal.role is not Role.SERVICE:
        raise AppError("forbidden", 403)
    async with runtime.uow() as uow:
        row = await verify_key(uow, body.api_key)
    if row is None:
        raise AppError("api_key_invalid", 401)
    return VerifyOut(key_id=row.key_id, provider_id=row.provider_id, location_ids=row.location_ids.split())
