"""The family's answer: accept (the place is allocated, other proposals are withdrawn), decline
with a reason, or let the period pass (the proposal expires)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import col, select

from contracts.events.matching import PlaceAllocated, ProposalDeclined, ProposalExpired
from contracts.types import CarePattern, DeclineReason
from services.matching.adapters import repository
from services.matching.adapters.tables import Allocation, LocationView, Proposal
from services.matching.domain.eligibility import add_months
from services.matching.domain.proposals import check_acceptance, is_overdue
from services.matching.handlers.closing import (
    active_allocations,
    cancel_allocation,
    pending_proposals,
    tell_closed,
    withdraw_proposal,
)
from services.matching.handlers.proposing import effective_status, open_request, refuse
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def get_proposal(uow: UnitOfWork, proposal_id: str) -> Proposal:
    proposal = await uow.session.get(Proposal, proposal_id)
    if proposal is None:
        raise AppError("not_found", 404)
    return proposal


async def expire(uow: UnitOfWork, proposal: Proposal, at: datetime) -> None:
    proposal.status, proposal.decided_at = "expired", at
    uow.session.add(proposal)
    await repository.touch_holds(uow.session, proposal.location_id)
    await uow.emit(ProposalExpired(proposal_id=proposal.proposal_id, request_id=proposal.request_id,
                                   desk_id=proposal.desk_id, location_id=proposal.location_id, expired_at=at),
                   occurred_at=at)


async def expire_overdue(uow: UnitOfWork, today: date, at: datetime, *, limit: int = 500) -> int:
    """Expire pending proposals whose answer period is over (a family may answer on the due day)."""
    overdue = (await uow.session.exec(select(Proposal).where(
        Proposal.status == "pending", col(Proposal.answer_due) < today).order_by(
        col(Proposal.answer_due), col(Proposal.proposal_id)).limit(limit).with_for_update(skip_locked=True))).all()
    for proposal in overdue:
        await expire(uow, proposal, at)
    return len(overdue)


async def accept(uow: UnitOfWork, proposal: Proposal, *, accept_deviation: bool, stay_listed: bool,
                 at: datetime) -> Allocation:
    session = uow.session
    view, snapshot = await open_request(uow, proposal.request_id)
    location = await session.get(LocationView, proposal.location_id, with_for_update=True)
    assert location is not None
    pattern = CarePattern.model_validate_json(proposal.care_pattern)
    ((facts, without_own),) = await repository.timelines(session, [location], except_proposal=proposal.proposal_id)
    violations = check_acceptance(
        snapshot, request_status=await effective_status(uow, view, snapshot, proposal.location_id),
        proposal_status=proposal.status, due=proposal.answer_due, today=at.date(), pattern=pattern,
        start=proposal.start_date, accept_deviation=accept_deviation, timeline_without_own=without_own)
    if violations:
        raise refuse(violations)
    for earlier in await active_allocations(uow, request_id=view.request_id):
        await cancel_allocation(uow, earlier, "family_withdrew", at=at, cause=None)  # a higher preference won
    ranked = list(snapshot.preferences.location_ids)
    higher: set[str] = set()
    if stay_listed and proposal.location_id in ranked:
        higher = set(ranked[:ranked.index(proposal.location_id)])
    allocation = Allocation(
        allocation_id=str(uuid.uuid4()), proposal_id=proposal.proposal_id, request_id=view.request_id,
        desk_id=view.desk_id, location_id=proposal.location_id, provider_id=proposal.provider_id,
        start_date=proposal.start_date, end_date=add_months(snapshot.child_birth_date, facts.age_max_months),
        care_pattern=proposal.care_pattern, slots=proposal.slots, allocated_at=at)
    session.add(allocation)
    proposal.status, proposal.decided_at = "accepted", at
    session.add(proposal)
    await repository.touch_holds(session, proposal.location_id)
    await uow.emit(PlaceAllocated(
        allocation_id=allocation.allocation_id, proposal_id=proposal.proposal_id, request_id=view.request_id,
        desk_id=view.desk_id, location_id=proposal.location_id, provider_id=proposal.provider_id,
        start_date=proposal.start_date, care_pattern=pattern,
        original_wanted_start_date=snapshot.original_wanted_start_date,
        requested_days_per_week=snapshot.care_pattern.days_per_week, allocated_days_per_week=pattern.days_per_week,
        stays_listed_for_higher_preference=bool(higher), allocated_at=at), occurred_at=at)
    for other in await pending_proposals(uow, view.request_id):
        if other.location_id not in higher:
            await withdraw_proposal(uow, other, "other_accepted", at=at, cause=None)
    was_listed = view.status == "open" or view.listed_for_higher
    view.status, view.listed_for_higher = "allocated", bool(higher)
    session.add(view)
    if was_listed:
        await tell_closed(uow, view.request_id, at, keep=frozenset(higher))
    return allocation


async def decline(uow: UnitOfWork, proposal: Proposal, reason: DeclineReason, at: datetime) -> None:
    if proposal.status != "pending":
        raise AppError("proposal_not_pending", 409)
    proposal.status, proposal.decided_at, proposal.decline_reason = "declined", at, reason
    uow.session.add(proposal)
    await repository.touch_holds(uow.session, proposal.location_id)
    await uow.emit(ProposalDeclined(proposal_id=proposal.proposal_id, request_id=proposal.request_id,
                                    desk_id=proposal.desk_id, location_id=proposal.location_id, reason=reason,
                                    declined_at=at), occurred_at=at)


def overdue(proposal: Proposal, today: date) -> bool:
    return proposal.status == "pending" and is_overdue(proposal.answer_due, today)
