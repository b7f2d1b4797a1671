"""Commands on corrections: add one, end one. Each publishes the location's new snapshot."""

from __future__ import annotations

import uuid
from datetime import date

from services.offer.adapters import store
from services.offer.adapters.tables import Correction, Location
from services.offer.domain.corrections import CorrectionIn, end_date
from services.offer.handlers.common import now_of, publish_change, require_active, today_of
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def add_correction(uow: UnitOfWork, row: Location, command: CorrectionIn) -> Correction:
    require_active(row)
    before = await store.snapshot_for(uow.session, row, today_of(uow))
    correction = Correction(
        correction_id=str(uuid.uuid4()), location_id=row.location_id,
        weekdays=" ".join(day.value for day in command.weekdays), places_delta=command.places_delta,
        valid_from=command.valid_from or today_of(uow), valid_until=command.valid_until, reason=command.reason,
        note=command.note, created_at=now_of(uow),
    )
    uow.session.add(correction)
    await uow.session.flush()
    await publish_change(uow, row, before)
    return correction


async def end_correction(uow: UnitOfWork, row: Location, correction_id: str, last_day: date | None) -> Correction:
    correction = await uow.session.get(Correction, correction_id)
    if correction is None or correction.location_id != row.location_id:
        raise AppError("not_found", 404)
    today = today_of(uow)
    if correction.valid_until is not None and correction.valid_until < today:
        raise AppError("correction_ended", 409)
    before = await store.snapshot_for(uow.session, row, today)
    correction.valid_until = end_date(correction.valid_from, last_day or today)
    uow.session.add(correction)
    await uow.session.flush()
    await publish_change(uow, row, before)
    return correction
