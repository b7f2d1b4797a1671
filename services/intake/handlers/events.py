"""Events intake consumes to tell families and desks where a request stands.

Order-tolerant and deterministic: every fact is stored with its event time and the status is
derived from all facts (domain/followup.py), so arrival order and redelivery change nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import func, select

from contracts.envelope import Envelope
from contracts.events.intake import RequestUpdated
from services.intake.adapters.tables import AllocationSeen, CareRequest, ProposalSeen
from services.intake.domain.followup import Allocation, derive_status
from services.intake.handlers.common import Actor, record_change, record_flags, snapshot_of, store_snapshot
from services.runtime.consumer import Handler
from services.runtime.uow import UnitOfWork

MATCHING = Actor("service:matching", "service", "matching")
TERMINAL = ("declined", "expired", "withdrawn", "accepted")


def latest(current: datetime | None, candidate: datetime) -> datetime:
    return candidate if current is None or candidate > current else current


async def refresh_status(uow: UnitOfWork, request: CareRequest, at: datetime) -> None:
    rows = (await uow.session.exec(select(AllocationSeen).where(AllocationSeen.request_id == request.request_id))).all()
    allocations = [Allocation(r.allocated_at, r.cancelled_at) for r in rows if r.allocated_at is not None]
    status = derive_status(withdrawn=request.withdrawn_at is not None, merged=request.merged_into is not None,
                           allocations=allocations, reopened_at=request.reopened_at)
    live = [r for r in rows if r.allocated_at is not None and not r.cancelled_at]
    request.allocated_location_id = live[-1].location_id if status == "allocated" and live else None
    if status != request.status:
        request.status = status
        request.closed_at = None if status == "open" else at
        request.updated_at = at
        await record_change(uow, request, MATCHING, status, at, ("status",))
    uow.session.add(request)


async def on_place_allocated(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    request = await uow.session.get(CareRequest, data.request_id)
    if request is None:
        return
    row = await uow.session.get(AllocationSeen, data.allocation_id) or AllocationSeen(
        allocation_id=data.allocation_id, request_id=data.request_id)
    row.location_id, row.allocated_at = data.location_id, data.allocated_at
    uow.session.add(row)
    await _proposal(uow, data.proposal_id, data.request_id, "accepted", data.allocated_at, data.location_id)
    await refresh_status(uow, request, data.allocated_at)


async def on_allocation_cancelled(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    request = await uow.session.get(CareRequest, data.request_id)
    if request is None:
        return
    row = await uow.session.get(AllocationSeen, data.allocation_id) or AllocationSeen(
        allocation_id=data.allocation_id, request_id=data.request_id, location_id=data.location_id)
    row.cancelled_at = data.cancelled_at
    uow.session.add(row)
    await refresh_status(uow, request, data.cancelled_at)


async def on_request_reopened(uow: UnitOfWork, event: Envelope[Any]) -> None:
    """The allocated location closed: the request is open again and, as the desk is told, urgent."""
    data = event.data
    request = await uow.session.get(CareRequest, data.request_id)
    if request is None:
        return
    request.reopened_at = latest(request.reopened_at, data.reopened_at)
    await refresh_status(uow, request, data.reopened_at)
    snapshot = snapshot_of(request)
    if data.urgent and not snapshot.categories.urgent and request.status == "open":
        flags = snapshot.categories.model_copy(update={"urgent": True})
        after = snapshot.model_copy(update={"categories": flags})
        store_snapshot(request, after, data.reopened_at)
        record_flags(uow, request.request_id, {"urgent": True}, MATCHING, data.reopened_at)
        await record_change(uow, request, MATCHING, "flags", data.reopened_at, ("categories",))
        if request.on_bus:
            await uow.emit(RequestUpdated(request=after, changed=("categories",)), occurred_at=event.time,
                           cause=event)
    uow.session.add(request)


async def _proposal(uow: UnitOfWork, proposal_id: str, request_id: str, status: str, at: datetime,
                    location_id: str = "") -> None:
    row = await uow.session.get(ProposalSeen, proposal_id)
    if row is None:
        row = ProposalSeen(proposal_id=proposal_id, request_id=request_id, location_id=location_id, status=status,
                           status_at=at)
    elif status in TERMINAL and (row.status == "pending" or at >= row.status_at):
        row.status, row.status_at = status, at
    uow.session.add(row)
    await uow.session.flush()
    request = await uow.session.get(CareRequest, request_id)
    if request is not None:
        count = (await uow.session.exec(select(func.count()).select_from(ProposalSeen)
                                        .where(ProposalSeen.request_id == request_id))).one()
        request.proposal_count = int(count)
        uow.session.add(request)


async def on_proposal_made(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    await _proposal(uow, data.proposal_id, data.request_id, "pending", data.proposed_at, data.location_id)
    row = await uow.session.get(ProposalSeen, data.proposal_id)
    if row is not None:
        row.location_id, row.start_date = data.location_id, data.start_date


def _terminal(status: str, time_field: str) -> Handler:
    async def handle(uow: UnitOfWork, event: Envelope[Any]) -> None:
        data = event.data
        await _proposal(uow, data.proposal_id, data.request_id, status, getattr(data, time_field),
                        data.location_id)

    return handle


async def on_response_overdue(uow: UnitOfWork, event: Envelope[Any]) -> None:
    request = await uow.session.get(CareRequest, event.data.request_id)
    if request is not None:
        request.escalated_at = latest(request.escalated_at, event.data.detected_at)
        uow.session.add(request)


STATUS_HANDLERS: dict[str, Handler] = {
    "PlaceAllocated": on_place_allocated,
    "AllocationCancelled": on_allocation_cancelled,
    "RequestReopened": on_request_reopened,
    "ProposalMade": on_proposal_made,
    "ProposalDeclined": _terminal("declined", "declined_at"),
    "ProposalExpired": _terminal("expired", "expired_at"),
    "ProposalWithdrawn": _terminal("withdrawn", "withdrawn_at"),
    "ResponseOverdue": on_response_overdue,
}
