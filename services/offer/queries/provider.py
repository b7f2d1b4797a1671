"""What a provider (or a desk) reads about its own locations, corrections, allocations and keys."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.offer.adapters import store
from services.offer.adapters.tables import Allocation, ApiKey, Correction, DeskArea, Location
from services.offer.domain import api_keys
from services.offer.entrypoints.schemas_provider import AllocationOut, ApiKeyOut, CorrectionOut, LocationOut


async def desks_by_nis(session: AsyncSession) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for area in (await session.exec(select(DeskArea).order_by(DeskArea.desk_id))).all():
        for code in area.working_area.split():
            result.setdefault(code, []).append(area.desk_id)
    return result


def location_out(row: Location, desk_ids: list[str]) -> LocationOut:
    details = store.details_of(row)
    _, _, approximate = store.coordinates_of(row)
    return LocationOut(
        **details.model_dump(), location_id=row.location_id, provider_id=row.provider_id,
        status=row.status,  # type: ignore[arg-type]
        closed_on=row.closed_on, closed_reason=row.closed_reason, coordinates_approximate=approximate,
        desk_ids=desk_ids, published_at=api_keys.utc(row.published_at), updated_at=api_keys.utc(row.updated_at),
    )


async def locations_out(session: AsyncSession, rows: list[Location]) -> list[LocationOut]:
    desks = await desks_by_nis(session)
    return [location_out(row, desks.get(row.nis_code, [])) for row in rows]


def correction_out(row: Correction, today: date) -> CorrectionOut:
    in_force = row.valid_from <= today and (row.valid_until is None or today <= row.valid_until)
    return CorrectionOut(
        correction_id=row.correction_id, location_id=row.location_id,
        weekdays=row.weekdays.split(),  # type: ignore[arg-type]
        places_delta=row.places_delta, valid_from=row.valid_from, valid_until=row.valid_until, reason=row.reason,
        note=row.note, created_at=api_keys.utc(row.created_at), in_force=in_force,
    )


def allocation_out(row: Allocation) -> AllocationOut:
    return AllocationOut(
        allocation_id=row.allocation_id, location_id=row.location_id, request_id=row.request_id,
        start_date=row.start_date, days=json.loads(row.days), last_day=row.last_day,
        confirmed_at=_utc(row.confirmed_at), cancelled=row.cancelled, cancelled_reason=row.cancelled_reason,
        allocated_at=_utc(row.allocated_at),
    )


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else api_keys.utc(moment)


def key_out(row: ApiKey, now: datetime) -> ApiKeyOut:
    return ApiKeyOut(
        key_id=row.key_id, label=row.label, hint=row.hint, location_ids=row.location_ids.split(),
        created_at=api_keys.utc(row.created_at), revoked_at=_utc(row.revoked_at), expires_at=_utc(row.expires_at),
        last_used_at=_utc(row.last_used_at), replaced_by=row.replaced_by,
        usable=api_keys.usable(now, revoked_at=row.revoked_at, expires_at=row.expires_at),
    )
