"""Central allocation rounds for desks that allocate centrally: run, inspect, confirm."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from sqlmodel import col, select

from services.matching.adapters.tables import AllocationRound, RoundPlacement
from services.matching.entrypoints.deps import Runtime, check_desk
from services.matching.entrypoints.schemas import RoundCreate
from services.matching.handlers.rounds import confirm_round, run_desk_round
from services.runtime.auth import CurrentPrincipal
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["allocation rounds"])


def round_public(row: AllocationRound, placements: list[RoundPlacement] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"round_id": row.round_id, "desk_id": row.desk_id, "start_on": row.start_on,
                            "seed": row.seed, "status": row.status, "created_at": row.created_at,
                            "confirmed_at": row.confirmed_at, "summary": json.loads(row.summary)}
    if placements is not None:
        body["placements"] = [p.model_dump(mode="json", exclude={"round_id"}) for p in placements]
    return body


@router.post("/desks/{desk_id}/rounds", status_code=201, summary="Run an allocation round (a draft)")
async def run(desk_id: str, body: RoundCreate, runtime: Runtime, principal: CurrentPrincipal) -> dict[str, Any]:
    check_desk(principal, desk_id)
    async with runtime.uow() as uow:
        row = await run_desk_round(uow, desk_id, body.start_on, runtime.clock.now())
    return round_public(row)


@router.get("/desks/{desk_id}/rounds", summary="The desk's allocation rounds, newest first")
async def list_rounds(desk_id: str, runtime: Runtime, principal: CurrentPrincipal) -> list[dict[str, Any]]:
    check_desk(principal, desk_id)
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(select(AllocationRound).where(AllocationRound.desk_id == desk_id).order_by(
            col(AllocationRound.created_at).desc()))).all()
    return [round_public(r) for r in rows]


async def _load(runtime: Runtime, principal: CurrentPrincipal, round_id: str) -> AllocationRound:
    async with runtime.db.session(readonly=True) as session:
        row = await session.get(AllocationRound, round_id)
    if row is None:
        raise AppError("not_found", 404)
    check_desk(principal, row.desk_id)
    return row


@router.get("/rounds/{round_id}", summary="A round: matches, unmatched children with reasons, stability proof")
async def get_round(round_id: str, runtime: Runtime, principal: CurrentPrincipal) -> dict[str, Any]:
    row = await _load(runtime, principal, round_id)
    async with runtime.db.session(readonly=True) as session:
        placements = (await session.exec(select(RoundPlacement).where(RoundPlacement.round_id == round_id).order_by(
            col(RoundPlacement.location_id), col(RoundPlacement.request_id)))).all()
    return round_public(row, list(placements))


@router.post("/rounds/{round_id}/confirm", summary="Confirm a round: every match becomes a proposal")
async def confirm(round_id: str, runtime: Runtime, principal: CurrentPrincipal) -> dict[str, Any]:
    await _load(runtime, principal, round_id)
    async with runtime.uow() as uow:
        row = await uow.session.get(AllocationRound, round_id)
        assert row is not None
        outcome = await confirm_round(uow, row, runtime.clock.now())
    return {**round_public(row), "confirmation": dict(outcome)}
