"""Intake's commands and the events it consumes, registered explicitly."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlmodel import select

from contracts.envelope import Envelope
from contracts.events.intake import RequestRegistered, RequestSnapshot
from services.intake.adapters.tables import CareRequest, Desk
from services.intake.domain.registration import RegisterRequest
from services.runtime.consumer import Handler
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def find_desk(uow: UnitOfWork, command: RegisterRequest) -> Desk:
    if command.desk_id:
        desk = await uow.session.get(Desk, command.desk_id)
        if desk:
            return desk
    for desk in (await uow.session.exec(select(Desk))).all():
        if command.home_nis in desk.working_area.split():
            return desk
    raise AppError("no_desk", 422, field="home_nis")


async def register_request(uow: UnitOfWork, command: RegisterRequest) -> str:
    """Store the request with its personal data and emit RequestRegistered (no personal data)."""
    desk = await find_desk(uow, command)
    request_id = str(uuid.uuid4())
    now = uow._clock.now()  # noqa: SLF001
    snapshot = RequestSnapshot(
        request_id=request_id,
        desk_id=desk.desk_id,
        family_ref=str(uuid.uuid4()),
        home_nis=command.home_nis,
        in_working_area=command.home_nis in desk.working_area.split(),
        child_birth_date=command.child_birth_date,
        birth_expected=command.birth_expected,
        wanted_start_date=command.wanted_start_date,
        original_wanted_start_date=command.wanted_start_date,
        care_pattern=command.care_pattern,
        ikt_wanted=command.ikt_wanted,
        preferences=command.preferences,
        categories=command.categories,
        policy_version=1,
        registered_at=now,
        channel=command.channel,
    )
    uow.session.add(CareRequest(
        request_id=request_id, desk_id=desk.desk_id, child_first_name=command.child_first_name,
        child_last_name=command.child_last_name, child_birth_date=command.child_birth_date,
        home_nis=command.home_nis, wanted_start_date=command.wanted_start_date,
        contact_email=command.contact_email or "", contact_phone=command.contact_phone or "",
        snapshot=snapshot.model_dump_json(), registered_at=now,
    ))
    await uow.emit(RequestRegistered(request=snapshot), occurred_at=now)
    return request_id


async def on_place_allocated(uow: UnitOfWork, event: Envelope[Any]) -> None:
    request = await uow.session.get(CareRequest, event.data.request_id)
    if request is not None:
        request.status = "allocated"
        uow.session.add(request)


async def on_request_reopened(uow: UnitOfWork, event: Envelope[Any]) -> None:
    request = await uow.session.get(CareRequest, event.data.request_id)
    if request is not None:
        request.status = "open"
        uow.session.add(request)


STATUS_HANDLERS: dict[str, Handler] = {
    "PlaceAllocated": on_place_allocated,
    "RequestReopened": on_request_reopened,
}


def snapshot_of(request: CareRequest) -> dict[str, Any]:
    return json.loads(request.snapshot)  # type: ignore[no-any-return]
