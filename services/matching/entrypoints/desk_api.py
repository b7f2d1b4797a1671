"""For desk workers: the worklist, why each location did or did not hear of a request, the
answers and proposals, proposing on a provider's behalf, the lottery, and location rankings."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from fastapi import APIRouter
from sqlmodel import col, select

from services.matching.adapters import repository
from services.matching.adapters.tables import (
    Allocation,
    DistributionRound,
    LocationView,
    LotteryDraw,
    OpenRequestView,
    Proposal,
    ProviderResponse,
    Recipient,
)
from services.matching.domain.priority import lottery_ticket
from services.matching.entrypoints.deps import Runtime, check_desk
from services.matching.entrypoints.present import allocation_public, proposal_public
from services.matching.entrypoints.schemas import ProposalCreate, ProposalPublic
from services.matching.handlers.proposing import make_proposal
from services.matching.handlers.ranking import desk_of_location, location_ranking
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["desk"])


@router.get("/desks/{desk_id}/requests", summary="The desk's requests as matching follows them")
async def worklist(desk_id: str, runtime: Runtime, principal: CurrentPrincipal,
                   status: str = "open") -> list[dict[str, Any]]:
    check_desk(principal, desk_id)
    async with runtime.db.session(readonly=True) as session:
        views = (await session.exec(select(OpenRequestView).where(
            OpenRequestView.desk_id == desk_id, OpenRequestView.status == status).order_by(
            col(OpenRequestView.request_id)))).all()
        ids = [v.request_id for v in views]
        told = Counter((await session.exec(select(Recipient.request_id).where(
            col(Recipient.request_id).in_(ids)))).all())
        answers = Counter((r.request_id, r.answer) for r in (await session.exec(select(ProviderResponse).where(
            col(ProviderResponse.request_id).in_(ids)))).all())
        pending = Counter((await session.exec(select(Proposal.request_id).where(
            col(Proposal.request_id).in_(ids), Proposal.status == "pending"))).all())
    rows = []
    for view in views:
        snapshot = repository.snapshot_of(view)
        rows.append({
            "request_id": view.request_id, "status": view.status,
            "wanted_start_date": snapshot.wanted_start_date if snapshot else None,
            "urgent": bool(snapshot and snapshot.categories.urgent) or view.urgent_reopened,
            "distribution_round": view.distribution_round, "locations_told": told[view.request_id],
            "can_propose": answers[(view.request_id, "can_propose")], "cannot": answers[(view.request_id, "cannot")],
            "pending_proposals": pending[view.request_id],
        })
    rows.sort(key=lambda r: (not r["urgent"], str(r["wanted_start_date"]), r["request_id"]))
    return rows


@router.get("/requests/{request_id}/overview", summary="Distribution with reasons, answers, proposals, allocation")
async def overview(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> dict[str, Any]:
    async with runtime.db.session(readonly=True) as session:
        view = await session.get(OpenRequestView, request_id)
        snapshot = repository.snapshot_of(view) if view else None
        if view is None or snapshot is None:
            raise AppError("not_found", 404)
        check_desk(principal, view.desk_id)
        rounds = (await session.exec(select(DistributionRound).where(
            DistributionRound.request_id == request_id).order_by(col(DistributionRound.round)))).all()
        responses = (await session.exec(select(ProviderResponse).where(
            ProviderResponse.request_id == request_id).order_by(col(ProviderResponse.location_id)))).all()
        proposals = (await session.exec(select(Proposal).where(Proposal.request_id == request_id).order_by(
            col(Proposal.proposed_at)))).all()
        allocations = (await session.exec(select(Allocation).where(Allocation.request_id == request_id).order_by(
            col(Allocation.allocated_at)))).all()
    today = runtime.clock.today()
    return {
        "request_id": request_id, "desk_id": view.desk_id, "status": view.status,
        "urgent": snapshot.categories.urgent or view.urgent_reopened, "listed_for_higher": view.listed_for_higher,
        "wanted_start_date": snapshot.wanted_start_date, "care_pattern": snapshot.care_pattern.model_dump(mode="json"),
        "preferences": snapshot.preferences.model_dump(mode="json"),
        "distribution": [{"round": r.round, "mode": r.mode, "trigger": r.trigger, "distributed_at": r.distributed_at,
                          "decisions": json.loads(r.decisions)} for r in rounds],
        "responses": [r.model_dump(mode="json") for r in responses],
        "proposals": [proposal_public(p, snapshot, today).model_dump(mode="json") for p in proposals],
        "allocations": [allocation_public(a, snapshot, view.listed_for_higher).model_dump(mode="json")
                        for a in allocations],
    }


@router.post("/desk/requests/{request_id}/proposals", status_code=201, response_model=ProposalPublic,
             summary="The desk proposes a place on a provider's behalf")
async def propose_for_provider(request_id: str, body: ProposalCreate, runtime: Runtime,
                               principal: CurrentPrincipal) -> ProposalPublic:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        view = await uow.session.get(OpenRequestView, request_id)
        if view is None:
            raise AppError("not_found", 404)
        check_desk(principal, view.desk_id)
        proposal = await make_proposal(uow, request_id=request_id, location_id=body.location_id,
                                       start=body.start_date, pattern=body.care_pattern, made_by="desk", at=now)
    snapshot = repository.snapshot_of(view)
    assert snapshot is not None
    return proposal_public(proposal, snapshot, now.date())


@router.get("/desks/{desk_id}/lottery", summary="The desk's lottery seed and every open request's ticket")
async def lottery(desk_id: str, runtime: Runtime, principal: CurrentPrincipal) -> dict[str, Any]:
    check_desk(principal, desk_id)
    async with runtime.db.session(readonly=True) as session:
        draw = await session.get(LotteryDraw, desk_id)
        ids = (await session.exec(select(OpenRequestView.request_id).where(
            OpenRequestView.desk_id == desk_id, OpenRequestView.status == "open")
            .order_by(col(OpenRequestView.request_id)))).all()
    if draw is None:
        return {"desk_id": desk_id, "seed": None, "drawn_at": None, "tickets": []}
    tickets = sorted(({"request_id": i, "ticket": f"{lottery_ticket(draw.seed, i):016x}"} for i in ids),
                     key=lambda t: t["ticket"])
    return {"desk_id": desk_id, "seed": draw.seed, "drawn_at": draw.drawn_at,
            "formula": "ticket = first 16 hex digits of sha256(seed + ':' + request_id); lower wins a tie",
            "tickets": tickets}


@router.get("/locations/{location_id}/ranking", summary="The location's open requests in priority order")
async def ranking(location_id: str, runtime: Runtime, principal: CurrentPrincipal) -> dict[str, Any]:
    async with runtime.db.session(readonly=True) as session:
        location = await session.get(LocationView, location_id)
        if location is None or not location.snapshot:
            raise AppError("unknown_location", 404)
        today = runtime.clock.today()
        if principal.role is Role.DESK:
            desk = await desk_of_location(session, location.nis_code, today)
            check_desk(principal, desk.desk_id if desk else "")
        elif not principal.may_act_for_location(location.provider_id, location_id):
            raise AppError("forbidden", 403)
        entries = await location_ranking(session, location, today)
    return {"location_id": location_id, "provider_id": location.provider_id,
            "entries": [vars(e) for e in entries]}
