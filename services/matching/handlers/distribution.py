"""Distribute a request: decide who hears of it, record why, tell them all at once."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import insert
from sqlmodel import select

from contracts import municipalities
from contracts.envelope import Envelope
from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from contracts.events.matching import Recipient as RecipientData
from contracts.events.matching import RequestDistributed
from contracts.types import PreferenceMode
from services.matching.adapters import repository
from services.matching.adapters.tables import DistributionRound, LocationView, OpenRequestView, Recipient
from services.matching.domain.distribution import Decision, DistributionPlan, decide, mode_for, plan_distribution
from services.matching.handlers import feed
from services.runtime.uow import UnitOfWork

MUNICIPALITY_REACH_KM = 15.0  # a location can lie this far from its municipality's centre

RELEVANT_FIELDS = ("care_pattern", "preferences", "wanted_start_date", "child_birth_date", "atypical_hours_needed",
                   "specific_care_need", "ikt_wanted", "categories")


def relevant_change(old: RequestSnapshot | None, new: RequestSnapshot) -> bool:
    return old is None or any(getattr(old, name) != getattr(new, name) for name in RELEVANT_FIELDS)


@cache
def municipalities_near(nis_code: str, km: float) -> tuple[str, ...]:
    home = municipalities.get(nis_code)
    if home is None:
        return ()
    return tuple(m.nis_code for m in municipalities.all_municipalities().values()
                 if municipalities.distance_km(home.latitude, home.longitude, m.latitude, m.longitude)
                 <= km + MUNICIPALITY_REACH_KM)


def candidate_keys(snapshot: RequestSnapshot, policy: DeskPolicyChanged) -> tuple[set[str], set[str]]:
    """(location ids, NIS codes) of every location that could be concerned."""
    prefs = snapshot.preferences
    nis = set(policy.working_area) | set(prefs.nis_codes)
    if prefs.mode is PreferenceMode.DISTANCE and prefs.max_distance_km is not None:
        nis |= set(municipalities_near(snapshot.home_nis, prefs.max_distance_km))
    return set(prefs.location_ids), nis


async def distribute(uow: UnitOfWork, view: OpenRequestView, snapshot: RequestSnapshot, *, trigger: str,
                     at: datetime, cause: Envelope[Any] | None) -> DistributionPlan | None:
    """Decide and record a new distribution round; None while the desk's policy is unknown."""
    session = uow.session
    policy = (await repository.policy_book(session, view.desk_id)).in_force_on(at.date())
    if policy is None:
        return None
    await repository.lottery_seed(session, view.desk_id, at)  # drawn before the desk's first ranking
    ids, nis = candidate_keys(snapshot, policy)
    facts = await repository.location_facts(session, ids=ids, nis_codes=nis)
    pairs = await repository.timelines_of(session, facts)
    plan = plan_distribution(snapshot, urgent=snapshot.categories.urgent or view.urgent_reopened, policy=policy,
                             candidates=pairs, working_area=policy.working_area)
    await record(uow, view, plan.mode, plan.decisions, trigger=trigger, at=at, cause=cause)
    return plan


async def record(uow: UnitOfWork, view: OpenRequestView, mode: Any, decisions: tuple[Decision, ...], *,
                 trigger: str, at: datetime, cause: Envelope[Any] | None) -> None:
    session = uow.session
    first_round = view.distribution_round == 0  # recipients are only written here: none yet
    view.distribution_round += 1
    session.add(view)
    await session.execute(insert(DistributionRound.__table__), [{  # type: ignore[attr-defined]
        "request_id": view.request_id, "round": view.distribution_round, "desk_id": view.desk_id, "mode": mode,
        "trigger": trigger, "distributed_at": at,
        "decisions": json.dumps([{"location_id": d.location_id, "provider_id": d.provider_id,
                                  "included": d.included, "reasons": list(d.reasons)} for d in decisions]),
    }])
    known = set() if first_round else set((await session.exec(select(Recipient.location_id).where(
        Recipient.request_id == view.request_id))).all())
    included = [d for d in decisions if d.included]
    new = [d for d in included if d.location_id not in known]
    if new:
        await session.execute(insert(Recipient.__table__), [  # type: ignore[attr-defined]
            {"request_id": view.request_id, "location_id": d.location_id, "provider_id": d.provider_id,
             "desk_id": view.desk_id, "first_round": view.distribution_round, "distributed_at": at} for d in new])
    await feed.append(session, [
        feed.FeedChange(d.provider_id, view.request_id, d.location_id,
                        "updated" if d.location_id in known else "distributed") for d in included], at)
    await uow.emit(RequestDistributed(
        request_id=view.request_id, desk_id=view.desk_id, mode=mode, distribution_round=view.distribution_round,
        recipients=tuple(RecipientData(location_id=d.location_id, provider_id=d.provider_id) for d in included),
        distributed_at=at,
    ), occurred_at=at, cause=cause)


async def offer_new_location(uow: UnitOfWork, location: LocationView, *, at: datetime,
                             cause: Envelope[Any] | None) -> int:
    """A location joined (or changed): open requests of the desks around it that it fits hear of it."""
    session = uow.session
    desks: dict[str, DeskPolicyChanged] = {}
    for row in (await session.exec(select(OpenRequestView.desk_id).where(
            OpenRequestView.status == "open").distinct())).all():
        policy = (await repository.policy_book(session, row)).in_force_on(at.date())
        if policy is not None and location.nis_code in policy.working_area:
            desks[row] = policy
    if not desks or location.status != "active":
        return 0
    told = set((await session.exec(select(Recipient.request_id).where(
        Recipient.location_id == location.location_id))).all())
    ((facts, line),) = await repository.timelines(session, [location])
    sent = 0
    for view in (await session.exec(select(OpenRequestView).where(
            OpenRequestView.status == "open", OpenRequestView.distribution_round > 0).where(
            OpenRequestView.desk_id.in_(list(desks))))).all():  # type: ignore[attr-defined]
        snapshot = repository.snapshot_of(view)
        if snapshot is None or view.request_id in told:
            continue
        policy = desks[view.desk_id]
        mode = mode_for(policy, snapshot.categories.urgent or view.urgent_reopened)
        decision = decide(snapshot, facts, line, policy, mode, frozenset(policy.working_area))
        if decision.included:
            await record(uow, view, mode, (decision,), trigger="location_joined", at=at, cause=cause)
            sent += 1
    return sent
