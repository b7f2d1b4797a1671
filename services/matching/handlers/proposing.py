"""Make a proposal: a location (its provider, the desk, or a confirmed round) offers a start
date and care pattern to a family, if every rule allows it."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from sqlmodel import select

from contracts.events.intake import RequestSnapshot
from contracts.events.matching import ProposalMade
from contracts.types import CarePattern
from services.matching.adapters import repository
from services.matching.adapters.tables import Allocation, LocationView, OpenRequestView, Proposal, Recipient
from services.matching.domain.proposals import Violation, answer_due, check_proposal
from services.matching.domain.slots import slots_of
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork

MadeBy = Literal["provider", "desk", "allocation_round"]
CONFLICT = {"request_not_open", "already_proposed", "no_free_capacity", "location_inactive", "proposal_not_pending",
            "proposal_expired"}


def refuse(violations: list[Violation]) -> AppError:
    first = violations[0]
    status = 409 if first.code in CONFLICT else 403 if first.code == "not_distributed_to_location" else 422
    return AppError(first.code, status, **first.params)


async def open_request(uow: UnitOfWork, request_id: str) -> tuple[OpenRequestView, RequestSnapshot]:
    view = await uow.session.get(OpenRequestView, request_id, with_for_update=True)  # one answer at a time
    snapshot = repository.snapshot_of(view) if view else None
    if view is None or snapshot is None:
        raise AppError("not_found", 404)
    return view, snapshot


async def effective_status(uow: UnitOfWork, view: OpenRequestView, snapshot: RequestSnapshot,
                           location_id: str) -> str:
    """'open', or for a family listed for a higher preference: open for the locations it ranked higher."""
    if view.status != "allocated" or not view.listed_for_higher:
        return view.status
    current = (await uow.session.exec(select(Allocation).where(
        Allocation.request_id == view.request_id, Allocation.status == "active"))).first()
    ranked = list(snapshot.preferences.location_ids)
    if current and location_id in ranked and (current.location_id not in ranked
                                              or ranked.index(location_id) < ranked.index(current.location_id)):
        return "open"
    return view.status


async def make_proposal(uow: UnitOfWork, *, request_id: str, location_id: str, start: date, pattern: CarePattern,
                        made_by: MadeBy, at: datetime, round_id: str | None = None) -> Proposal:
    session = uow.session
    view, snapshot = await open_request(uow, request_id)
    location = await session.get(LocationView, location_id, with_for_update=True)  # one claim on its places
    if location is None or not location.snapshot:
        raise AppError("unknown_location", 404, field="location_id")
    policy = (await repository.policy_book(session, view.desk_id)).in_force_on(at.date())
    if policy is None:
        raise AppError("policy_unknown", 409)
    distributed = made_by == "allocation_round" or (await session.get(Recipient, (request_id, location_id))) is not None
    pending = (await session.exec(select(Proposal).where(
        Proposal.request_id == request_id, Proposal.location_id == location_id,
        Proposal.status == "pending"))).first()
    ((facts, line),) = await repository.timelines(session, [location])
    violations = check_proposal(
        snapshot, request_status=await effective_status(uow, view, snapshot, location_id), distributed=distributed,
        already_pending=pending is not None, location=facts, timeline=line, policy=policy, today=at.date(),
        start=start, pattern=pattern)
    if violations:
        raise refuse(violations)
    proposal = Proposal(
        proposal_id=str(uuid.uuid4()), request_id=request_id, desk_id=view.desk_id, location_id=location_id,
        provider_id=location.provider_id, start_date=start, care_pattern=pattern.model_dump_json(),
        slots=repository.format_slots(slots_of(pattern)), answer_due=answer_due(at.date(), policy),
        made_by=made_by, proposed_at=at, round_id=round_id,
    )
    session.add(proposal)
    location.holds_version += 1  # its places are held by one more proposal
    session.add(location)
    await uow.emit(ProposalMade(
        proposal_id=proposal.proposal_id, request_id=request_id, desk_id=view.desk_id, location_id=location_id,
        provider_id=location.provider_id, start_date=start, care_pattern=pattern, answer_due=proposal.answer_due,
        made_by=made_by, proposed_at=at,
    ), occurred_at=at)
    return proposal
