"""When a request stops being open (allocated, withdrawn, merged) or its location closes.

Pending proposals are withdrawn with a reason, providers' feeds say the request is closed, an
allocation that has not started yet is cancelled when the family withdraws, and a closed
location reopens its families' requests as urgent.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from sqlmodel import col, select

from contracts.envelope import Envelope
from contracts.events.matching import AllocationCancelled, ProposalWithdrawn, RequestReopened
from services.matching.adapters import repository
from services.matching.adapters.tables import Allocation, OpenRequestView, Proposal, Recipient
from services.matching.handlers import feed
from services.matching.handlers.distribution import distribute
from services.runtime.uow import UnitOfWork

WithdrawReason = Literal["other_accepted", "request_withdrawn", "location_closed", "by_provider"]


async def withdraw_proposal(uow: UnitOfWork, proposal: Proposal, reason: WithdrawReason, *, at: datetime,
                            cause: Envelope[Any] | None) -> None:
    proposal.status = "withdrawn"
    proposal.decided_at = at
    uow.session.add(proposal)
    await repository.touch_holds(uow.session, proposal.location_id)
    await uow.emit(ProposalWithdrawn(proposal_id=proposal.proposal_id, request_id=proposal.request_id,
                                     desk_id=proposal.desk_id, location_id=proposal.location_id, reason=reason,
                                     withdrawn_at=at), occurred_at=at, cause=cause)


async def pending_proposals(uow: UnitOfWork, request_id: str) -> list[Proposal]:
    query = select(Proposal).where(Proposal.request_id == request_id, Proposal.status == "pending")
    return list((await uow.session.exec(query.order_by(col(Proposal.proposed_at), col(Proposal.proposal_id)))).all())


async def tell_closed(uow: UnitOfWork, request_id: str, at: datetime, *, keep: frozenset[str] = frozenset()) -> None:
    """Providers' feeds: this request left their lists (except the locations in *keep*)."""
    recipients = (await uow.session.exec(select(Recipient).where(Recipient.request_id == request_id)
                                         .order_by(col(Recipient.location_id)))).all()
    await feed.append(uow.session, [feed.FeedChange(r.provider_id, request_id, r.location_id, "closed")
                                    for r in recipients if r.location_id not in keep], at)


async def close_request(uow: UnitOfWork, view: OpenRequestView, status: str, *, at: datetime,
                        cause: Envelope[Any] | None) -> None:
    """The family withdrew (or the request was merged away): nothing of it stays pending."""
    if view.status in ("withdrawn", "merged"):
        return
    was_open = view.status == "open" or view.listed_for_higher
    view.status, view.listed_for_higher = status, False
    uow.session.add(view)
    for proposal in await pending_proposals(uow, view.request_id):
        await withdraw_proposal(uow, proposal, "request_withdrawn", at=at, cause=cause)
    for allocation in await active_allocations(uow, request_id=view.request_id):
        if allocation.start_date > at.date():
            await cancel_allocation(uow, allocation, "family_withdrew", at=at, cause=cause)
    if was_open:
        await tell_closed(uow, view.request_id, at)


async def active_allocations(uow: UnitOfWork, *, request_id: str | None = None,
                             location_id: str | None = None) -> list[Allocation]:
    query = select(Allocation).where(Allocation.status == "active")
    if request_id:
        query = query.where(Allocation.request_id == request_id)
    if location_id:
        query = query.where(Allocation.location_id == location_id)
    return list((await uow.session.exec(query.order_by(Allocation.allocation_id))).all())


async def cancel_allocation(uow: UnitOfWork, allocation: Allocation,
                            reason: Literal["family_withdrew", "location_closed", "correction"], *, at: datetime,
                            cause: Envelope[Any] | None) -> None:
    allocation.status, allocation.cancelled_at, allocation.cancel_reason = "cancelled", at, reason
    uow.session.add(allocation)
    await repository.touch_holds(uow.session, allocation.location_id)
    await uow.emit(AllocationCancelled(allocation_id=allocation.allocation_id, request_id=allocation.request_id,
                                       desk_id=allocation.desk_id, location_id=allocation.location_id,
                                       reason=reason, cancelled_at=at), occurred_at=at, cause=cause)


async def close_location(uow: UnitOfWork, location_id: str, closed_on: date, *, at: datetime,
                         cause: Envelope[Any] | None) -> list[OpenRequestView]:
    """Withdraw the location's pending proposals; reopen its families' requests as urgent."""
    pending = (await uow.session.exec(select(Proposal).where(
        Proposal.location_id == location_id, Proposal.status == "pending").order_by(Proposal.proposal_id))).all()
    for proposal in pending:
        await withdraw_proposal(uow, proposal, "location_closed", at=at, cause=cause)
    reopened: list[OpenRequestView] = []
    for allocation in await active_allocations(uow, location_id=location_id):
        if allocation.end_date <= closed_on:
            continue  # the child had already left
        await cancel_allocation(uow, allocation, "location_closed", at=at, cause=cause)
        view = await uow.session.get(OpenRequestView, allocation.request_id)
        if view is None or view.status != "allocated":
            continue
        view.status, view.urgent_reopened, view.listed_for_higher = "open", True, False
        await uow.emit(RequestReopened(request_id=view.request_id, desk_id=view.desk_id, location_id=location_id,
                                       reason="location_closed", urgent=True, reopened_at=at),
                       occurred_at=at, cause=cause)
        snapshot = repository.snapshot_of(view)
        if snapshot is not None:
            await distribute(uow, view, snapshot, trigger="reopened", at=at, cause=cause)
        reopened.append(view)
    return reopened
