"""Central allocation rounds: run one as a draft the desk can inspect, then confirm it into
proposals (made_by ``allocation_round``). Running changes nothing outside the round's own rows."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from datetime import date, datetime

from sqlmodel import col, select

from contracts.types import CarePattern
from services.matching.adapters import repository
from services.matching.adapters.tables import AllocationRound, OpenRequestView, Proposal, RoundPlacement
from services.matching.domain.policy import priority_score, quota_applies
from services.matching.domain.priority import lottery_ticket
from services.matching.domain.proposals import earliest_proposal_day
from services.matching.domain.round.build import RoundRequest, build_instance
from services.matching.domain.round.deferred_acceptance import run_round
from services.matching.domain.round.reasons import unmatched_reasons
from services.matching.domain.round.stability import check
from services.matching.handlers.distribution import candidate_keys
from services.matching.handlers.proposing import make_proposal
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork

MAX_LISTED_PAIRS = 200


async def run_desk_round(uow: UnitOfWork, desk_id: str, start_on: date, at: datetime) -> AllocationRound:
    session = uow.session
    book = await repository.policy_book(session, desk_id)
    policy = book.in_force_on(at.date())
    if policy is None:
        raise AppError("policy_unknown", 409)
    if not policy.central_allocation:
        raise AppError("central_allocation_off", 409)
    seed = await repository.lottery_seed(session, desk_id, at)
    busy = set((await session.exec(select(Proposal.request_id).where(
        Proposal.desk_id == desk_id, Proposal.status == "pending"))).all())
    views = (await session.exec(select(OpenRequestView).where(
        OpenRequestView.desk_id == desk_id, OpenRequestView.status == "open").order_by(
        col(OpenRequestView.request_id)))).all()
    requests, too_early, ids, nis = [], [], set(), set(policy.working_area)
    for view in views:
        snapshot = repository.snapshot_of(view)
        if snapshot is None or view.request_id in busy:
            continue
        if at.date() < earliest_proposal_day(snapshot, policy):
            too_early.append(view.request_id)
            continue
        registered = book.for_registration(snapshot.policy_version, snapshot.registered_at.date())
        requests.append(RoundRequest(snapshot, priority_score(registered, snapshot.priority_codes),
                                     lottery_ticket(seed, view.request_id),
                                     snapshot.categories.vulnerable_family and quota_applies(registered)))
        more_ids, more_nis = candidate_keys(snapshot, policy)
        ids |= more_ids
        nis |= more_nis
    places = await repository.timelines_of(session, await repository.location_facts(session, ids=ids, nis_codes=nis))
    instance, starts = build_instance(
        requests, [(facts, line.free_from(start_on)) for facts, line in places], start_on=start_on,
        max_preferences=policy.max_preferences, quota_percent=policy.vulnerable_quota_percent)
    outcome = run_round(instance)
    reasons = unmatched_reasons(instance, outcome)
    report = check(instance, outcome.assignment)
    round_row = AllocationRound(round_id=str(uuid.uuid4()), desk_id=desk_id, start_on=start_on, seed=seed,
                                created_at=at, summary=json.dumps({
        "requests": len(instance.children), "matched": len(outcome.assignment), "unmatched": len(reasons),
        "not_yet_in_window": len(too_early), "with_pending_proposal": len(busy), "locations": len(places),
        "sibling_groups": len(instance.groups), "quota_percent": policy.vulnerable_quota_percent,
        "policy_version": policy.version, "converged": outcome.converged, "proposals": outcome.proposals,
        "feasible": report.feasible, "problems": report.problems, "stable": report.stable,
        "pairs_checked": report.pairs_checked, "blocking_pairs": len(report.blocking),
        "reasons": dict(Counter(reasons.values())),
        "blocking": [{"request_ids": list(p.request_ids), "location_id": p.location_id, "kind": p.kind,
                      "sibling_constraint": p.sibling_constraint} for p in report.blocking[:MAX_LISTED_PAIRS]],
    }))
    session.add(round_row)
    for index, child in enumerate(instance.children):
        loc = outcome.assignment.get(index)
        place = instance.locations[loc] if loc is not None else None
        session.add(RoundPlacement(
            round_id=round_row.round_id, request_id=child.request_id,
            location_id=place.location_id if place else None, provider_id=place.provider_id if place else None,
            start_date=starts[index] if place else None, reason=reasons.get(index)))
    for request_id in too_early:
        session.add(RoundPlacement(round_id=round_row.round_id, request_id=request_id, reason="not_yet_in_window"))
    return round_row


async def confirm_round(uow: UnitOfWork, round_row: AllocationRound, at: datetime) -> Counter[str]:
    """Each match becomes a proposal; a match the world overtook (request closed, place gone) is
    kept with the reason it could not be proposed."""
    if round_row.status != "draft":
        raise AppError("round_not_draft", 409)
    outcome: Counter[str] = Counter()
    placements = (await uow.session.exec(select(RoundPlacement).where(
        RoundPlacement.round_id == round_row.round_id, col(RoundPlacement.location_id).is_not(None)).order_by(
        col(RoundPlacement.request_id)))).all()
    for placement in placements:
        view = await uow.session.get(OpenRequestView, placement.request_id)
        snapshot = repository.snapshot_of(view) if view else None
        pattern: CarePattern | None = snapshot.care_pattern if snapshot else None
        assert placement.location_id is not None and placement.start_date is not None
        try:
            if pattern is None:
                raise AppError("request_not_open", 409)
            proposal = await make_proposal(uow, request_id=placement.request_id, location_id=placement.location_id,
                                           start=placement.start_date, pattern=pattern, made_by="allocation_round",
                                           at=at, round_id=round_row.round_id)
            placement.proposal_id = proposal.proposal_id
            outcome["proposed"] += 1
        except AppError as refused:
            placement.reason = f"not_proposed:{refused.code}"
            outcome[refused.code] += 1
        uow.session.add(placement)
    round_row.status, round_row.confirmed_at = "confirmed", at
    uow.session.add(round_row)
    return outcome
