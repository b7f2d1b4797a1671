"""Commands on API keys: create (shown once), rotate (old key lives on for a grace period), revoke, verify."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.offer.adapters.tables import ApiKey, Location
from services.offer.domain import api_keys
from services.offer.handlers.common import ProviderScope, now_of
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def create_key(uow: UnitOfWork, scope: ProviderScope, label: str,
                     location_ids: tuple[str, ...] = ()) -> tuple[ApiKey, api_keys.NewKey]:
    if scope.via_api_key:
        raise AppError("api_key_human_only", 403)
    if location_ids:
        own = {row.location_id for row in (await uow.session.exec(
            select(Location).where(Location.provider_id == scope.provider_id))).all()}
        if not set(location_ids) <= own:
            raise AppError("unknown_location", 422, field="location_ids")
    new = api_keys.generate()
    row = ApiKey(key_id=new.key_id, provider_id=scope.provider_id, label=label, key_hash=new.key_hash,
                 hint=new.hint, location_ids=" ".join(sorted(set(location_ids))), created_at=now_of(uow),
                 created_by=scope.subject)
    uow.session.add(row)
    return row, new


async def key_for(uow: UnitOfWork, scope: ProviderScope, key_id: str) -> ApiKey:
    if scope.via_api_key:
        raise AppError("api_key_human_only", 403)
    row = await uow.session.get(ApiKey, key_id)
    if row is None or row.provider_id != scope.provider_id:
        raise AppError("not_found", 404)
    return row


async def rotate_key(uow: UnitOfWork, scope: ProviderScope, row: ApiKey,
                     grace_hours: int) -> tuple[ApiKey, api_keys.NewKey]:
    now = now_of(uow)
    if not api_keys.usable(now, revoked_at=row.revoked_at, expires_at=row.expires_at):
        raise AppError("api_key_revoked", 409)
    new_row, new = await create_key(uow, scope, row.label, tuple(row.location_ids.split()))
    row.expires_at = now + timedelta(hours=min(max(grace_hours, 0), api_keys.MAX_GRACE_HOURS))
    row.replaced_by = new_row.key_id
    uow.session.add(row)
    return new_row, new


async def revoke_key(uow: UnitOfWork, row: ApiKey) -> ApiKey:
    if row.revoked_at is not None:
        raise AppError("api_key_revoked", 409)
    row.revoked_at = now_of(uow)
    uow.session.add(row)
    return row


async def verify_key(uow: UnitOfWork, key: str) -> ApiKey | None:
    """The key's row when the key is ours, matches its hash and still works; records its use."""
    key_id = api_keys.key_id_of(key)
    if key_id is None:
        return None
    row = await uow.session.get(ApiKey, key_id)
    now = now_of(uow)
    if row is None or not api_keys.matches(key, row.key_hash):
        return None
    if not api_keys.usable(now, revoked_at=row.revoked_at, expires_at=row.expires_at):
        return None
    row.last_used_at = now
    uow.session.add(row)
    return row


async def key_still_works(session: AsyncSession, key_id: str, provider_id: str, now: datetime) -> ApiKey | None:
    """For a token minted from an API key: refuse it at once once the key is revoked or expired."""
    row = await session.get(ApiKey, key_id)
    if row is None or row.provider_id != provider_id:
        return None
    if not api_keys.usable(now, revoked_at=row.revoked_at, expires_at=row.expires_at):
        return None
    return row
