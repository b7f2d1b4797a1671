"""Proposals for families (through their personal link) and for the desk that follows them."""

from __future__ import annotations

from fastapi import APIRouter
from sqlmodel import col, select

from services.matching.adapters import repository
from services.matching.adapters.tables import OpenRequestView, Proposal
from services.matching.entrypoints.deps import Runtime, check_family_or_desk
from services.matching.entrypoints.present import allocation_public, proposal_public
from services.matching.entrypoints.schemas import AcceptBody, AllocationPublic, DeclineBody, ProposalPublic
from services.matching.handlers import answering
from services.runtime.auth import CurrentPrincipal
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["proposals"])


@router.get("/requests/{request_id}/proposals", response_model=list[ProposalPublic],
            summary="Every proposal made for a request, newest first")
async def list_proposals(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> list[ProposalPublic]:
    async with runtime.db.session(readonly=True) as session:
        view = check_family_or_desk(principal, await session.get(OpenRequestView, request_id))
        rows = (await session.exec(select(Proposal).where(Proposal.request_id == request_id).order_by(
            col(Proposal.proposed_at).desc(), col(Proposal.proposal_id)))).all()
    snapshot = repository.snapshot_of(view)
    if snapshot is None:
        raise AppError("not_found", 404)
    today = runtime.clock.today()
    return [proposal_public(row, snapshot, today) for row in rows]


async def _answerable(runtime: Runtime, principal: CurrentPrincipal, proposal_id: str) -> None:
    """Check access; a proposal whose period is over expires now (committed) and is refused."""
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        proposal = await answering.get_proposal(uow, proposal_id)
        check_family_or_desk(principal, await uow.session.get(OpenRequestView, proposal.request_id))
        expired = answering.overdue(proposal, now.date())
        if expired:
            await answering.expire(uow, proposal, now)
    if expired:
        raise AppError("proposal_expired", 409, date=proposal.answer_due.isoformat())


@router.post("/proposals/{proposal_id}/accept", response_model=AllocationPublic,
             summary="Accept a proposal: the place is allocated, other proposals are withdrawn")
async def accept(proposal_id: str, runtime: Runtime, principal: CurrentPrincipal,
                 body: AcceptBody | None = None) -> AllocationPublic:
    body = body or AcceptBody()
    await _answerable(runtime, principal, proposal_id)
    async with runtime.uow() as uow:
        proposal = await answering.get_proposal(uow, proposal_id)
        allocation = await answering.accept(uow, proposal, accept_deviation=body.accept_deviation,
                                            stay_listed=body.stay_listed_for_higher_preference,
                                            at=runtime.clock.now())
        view = await uow.session.get(OpenRequestView, proposal.request_id)
    assert view is not None
    snapshot = repository.snapshot_of(view)
    assert snapshot is not None
    return allocation_public(allocation, snapshot, view.listed_for_higher)


@router.post("/proposals/{proposal_id}/decline", response_model=ProposalPublic,
             summary="Decline a proposal, with a reason")
async def decline(proposal_id: str, body: DeclineBody, runtime: Runtime,
                  principal: CurrentPrincipal) -> ProposalPublic:
    await _answerable(runtime, principal, proposal_id)
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        proposal = await answering.get_proposal(uow, proposal_id)
        await answering.decline(uow, proposal, body.reason, now)
        view = await uow.session.get(OpenRequestView, proposal.request_id)
    snapshot = repository.snapshot_of(view) if view else None
    assert snapshot is not None
    return proposal_public(proposal, snapshot, now.date())
