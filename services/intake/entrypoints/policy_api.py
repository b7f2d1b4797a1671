"""Desks and their policy versions: public to read (transparency), published by the desk itself."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query
from sqlmodel import col, select

from contracts.events.intake import DeskPolicyChanged
from services.intake.adapters.tables import Desk, DeskPolicyVersion
from services.intake.domain.policy import PublishPolicy, in_force
from services.intake.entrypoints.deps import Runtime
from services.intake.entrypoints.schemas import DeskInfo
from services.intake.handlers.common import Actor
from services.intake.handlers.policies import publish_policy
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["desks and policies"])


async def _versions(runtime: Runtime, desk_id: str) -> list[DeskPolicyChanged]:
    async with runtime.db.session(readonly=True) as session:
        if await session.get(Desk, desk_id) is None:
            raise AppError("not_found", 404)
        rows = (await session.exec(select(DeskPolicyVersion).where(DeskPolicyVersion.desk_id == desk_id)
                                   .order_by(col(DeskPolicyVersion.version)))).all()
    return [DeskPolicyChanged.model_validate_json(r.body) for r in rows]


@router.get("/desks", response_model=list[DeskInfo], summary="Every desk with its working area (public)")
async def list_desks(runtime: Runtime) -> list[DeskInfo]:
    today = runtime.clock.today()
    async with runtime.db.session(readonly=True) as session:
        desks = (await session.exec(select(Desk).order_by(Desk.name))).all()
        rows = (await session.exec(select(DeskPolicyVersion))).all()
    answer = []
    for desk in desks:
        policy = in_force([DeskPolicyChanged.model_validate_json(r.body) for r in rows if r.desk_id == desk.desk_id],
                          today)
        area = list(policy.working_area) if policy else desk.working_area.split()
        answer.append(DeskInfo(desk_id=desk.desk_id, name=desk.name, working_area=area,
                               policy=policy.model_dump(mode="json") if policy else None))
    return answer


@router.get("/desks/{desk_id}/policies", response_model=list[DeskPolicyChanged], summary="All policy versions")
async def list_policies(desk_id: str, runtime: Runtime) -> list[DeskPolicyChanged]:
    return await _versions(runtime, desk_id)


@router.get("/desks/{desk_id}/policy", response_model=DeskPolicyChanged, summary="The version in force on a date")
async def policy_on_date(desk_id: str, runtime: Runtime, on: date | None = Query(None)) -> DeskPolicyChanged:
    policy = in_force(await _versions(runtime, desk_id), on or runtime.clock.today())
    if policy is None:
        raise AppError("no_policy", 404)
    return policy


@router.post("/desks/{desk_id}/policies", response_model=DeskPolicyChanged, status_code=201,
             summary="Publish a new policy version valid from a date (desk workers of that desk)")
async def post_policy(desk_id: str, command: PublishPolicy, runtime: Runtime,
                      principal: CurrentPrincipal) -> DeskPolicyChanged:
    """Emits DeskPolicyChanged. Requests keep the version in force on their registration date."""
    if principal.role is not Role.DESK or desk_id not in principal.desk_ids:
        raise AppError("forbidden", 403)
    async with runtime.uow() as uow:
        return await publish_policy(uow, desk_id, command, Actor.of(principal), runtime.clock.now())
