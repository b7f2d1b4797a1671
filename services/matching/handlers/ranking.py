"""A location's ranking: the open requests distributed to it, in the order it should consider
them (priority rules at registration, registration time, the desk's lottery, the quota)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from services.matching.adapters import repository
from services.matching.adapters.tables import (
    DeskPolicyView,
    LocationView,
    LotteryDraw,
    OpenRequestView,
    Proposal,
    ProviderResponse,
    Recipient,
)
from services.matching.domain.eligibility import hard_failures
from services.matching.domain.policy import PolicyBook, priority_score, quota_applies
from services.matching.domain.priority import RankEntry, lottery_ticket, rank


@dataclass(frozen=True)
class RankedRequest:
    position: int
    request_id: str
    desk_id: str
    score: int
    priority_codes: tuple[str, ...]
    policy_version: int
    registered_at: datetime
    ticket: str
    vulnerable_quota: bool
    by_quota: bool
    wanted_start_date: date
    days_per_week: float
    weekdays: tuple[str, ...]
    fits_now: tuple[str, ...]  # hard constraints it fails today (empty: fits)
    answer: str | None
    proposal_status: str | None


async def desk_of_location(session: AsyncSession, nis_code: str, on: date) -> DeskPolicyChanged | None:
    """The policy in force of the desk whose working area holds this municipality."""
    desks = {row.desk_id for row in (await session.exec(select(DeskPolicyView))).all()}
    for desk_id in sorted(desks):
        policy = (await repository.policy_book(session, desk_id)).in_force_on(on)
        if policy is not None and nis_code in policy.working_area:
            return policy
    return None


async def entry_for(session: AsyncSession, snapshot: RequestSnapshot, books: dict[str, PolicyBook],
                    seeds: dict[str, str]) -> tuple[RankEntry, int]:
    if snapshot.desk_id not in books:
        books[snapshot.desk_id] = await repository.policy_book(session, snapshot.desk_id)
        draw = await session.get(LotteryDraw, snapshot.desk_id)
        seeds[snapshot.desk_id] = draw.seed if draw else ""
    at_registration = books[snapshot.desk_id].for_registration(snapshot.policy_version,
                                                               snapshot.registered_at.date())
    entry = RankEntry(
        request_id=snapshot.request_id, score=priority_score(at_registration, snapshot.priority_codes),
        registered_at=snapshot.registered_at, ticket=lottery_ticket(seeds[snapshot.desk_id], snapshot.request_id),
        vulnerable=snapshot.categories.vulnerable_family and quota_applies(at_registration))
    return entry, at_registration.version if at_registration else snapshot.policy_version


async def location_ranking(session: AsyncSession, location: LocationView, today: date) -> list[RankedRequest]:
    ids = list((await session.exec(select(Recipient.request_id).where(
        Recipient.location_id == location.location_id))).all())
    views = (await session.exec(select(OpenRequestView).where(
        col(OpenRequestView.request_id).in_(ids), OpenRequestView.status == "open"))).all()
    answers = {r.request_id: r.answer for r in (await session.exec(select(ProviderResponse).where(
        ProviderResponse.location_id == location.location_id))).all()}
    proposals = {p.request_id: p.status for p in (await session.exec(select(Proposal).where(
        Proposal.location_id == location.location_id).order_by(col(Proposal.proposed_at)))).all()}
    ((facts, line),) = await repository.timelines(session, [location])
    books: dict[str, PolicyBook] = {}
    seeds: dict[str, str] = {}
    entries, details = [], {}
    for view in views:
        snapshot = repository.snapshot_of(view)
        if snapshot is None:
            continue
        entry, version = await entry_for(session, snapshot, books, seeds)
        entries.append(entry)
        details[entry.request_id] = (view, snapshot, version)
    here = await desk_of_location(session, location.nis_code, today)
    result = []
    for ranked in rank(entries, here.vulnerable_quota_percent if here else 0):
        view, snapshot, version = details[ranked.entry.request_id]
        result.append(RankedRequest(
            position=ranked.position, request_id=view.request_id, desk_id=view.desk_id, score=ranked.entry.score,
            priority_codes=snapshot.priority_codes, policy_version=version, registered_at=snapshot.registered_at,
            ticket=f"{ranked.entry.ticket:016x}", vulnerable_quota=ranked.entry.vulnerable, by_quota=ranked.by_quota,
            wanted_start_date=snapshot.wanted_start_date, days_per_week=snapshot.care_pattern.days_per_week,
            weekdays=tuple(d.weekday.value for d in snapshot.care_pattern.days),
            fits_now=tuple(hard_failures(snapshot, facts, line)), answer=answers.get(view.request_id),
            proposal_status=proposals.get(view.request_id)))
    return result
