"""Reading matching's tables into domain objects: policies, locations with their capacity
timelines, request snapshots. Parsed location facts are cached per (location, version)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from contracts.events.offer import LocationSnapshot
from services.matching.adapters.tables import (
    Allocation,
    DeskPolicyView,
    LocationView,
    LotteryDraw,
    OpenRequestView,
    Proposal,
)
from services.matching.domain.capacity import CapacityTimeline, Occupation
from services.matching.domain.eligibility import LocationFacts
from services.matching.domain.policy import PolicyBook

_FACTS: dict[tuple[str, datetime, str], LocationFacts] = {}


def snapshot_of(view: OpenRequestView) -> RequestSnapshot | None:
    return RequestSnapshot.model_validate_json(view.snapshot) if view.snapshot else None


def facts_of(view: LocationView) -> LocationFacts:
    key = (view.location_id, view.updated_at, view.status)
    facts = _FACTS.get(key)
    if facts is None:
        snapshot = LocationSnapshot.model_validate_json(view.snapshot)
        facts = LocationFacts.of(snapshot, closed=view.status != "active")
        if len(_FACTS) > 50_000:
            _FACTS.clear()
        _FACTS[key] = facts
    return facts


def parse_slots(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def format_slots(slots: Iterable[int]) -> str:
    return ",".join(str(s) for s in slots)


async def policy_book(session: AsyncSession, desk_id: str) -> PolicyBook:
    rows = (await session.exec(select(DeskPolicyView).where(DeskPolicyView.desk_id == desk_id))).all()
    return PolicyBook.of(desk_id, (DeskPolicyChanged.model_validate_json(r.body) for r in rows))


async def lottery_seed(session: AsyncSession, desk_id: str, at: datetime) -> str:
    """The desk's lottery seed, drawn (at random, once) the first time the desk needs it."""
    draw = await session.get(LotteryDraw, desk_id)
    if draw is None:
        draw = LotteryDraw(desk_id=desk_id, seed=secrets.token_hex(16), drawn_at=at)
        session.add(draw)
        await session.flush()
    return draw.seed


async def locations(session: AsyncSession, *, ids: Iterable[str] = (), nis_codes: Iterable[str] = (),
                    active_only: bool = True) -> list[LocationView]:
    ids, nis_codes = list(set(ids)), list(set(nis_codes))
    if not ids and not nis_codes:
        return []
    query = select(LocationView).where(or_(col(LocationView.location_id).in_(ids),
                                           col(LocationView.nis_code).in_(nis_codes)))
    if active_only:
        query = query.where(LocationView.status == "active")
    return list((await session.exec(query.order_by(LocationView.location_id))).all())


async def occupations(session: AsyncSession, location_ids: Iterable[str], *,
                      except_proposal: str | None = None) -> dict[str, list[Occupation]]:
    """Active allocations and pending proposals per location: what holds its places."""
    ids = list(set(location_ids))
    held: dict[str, list[Occupation]] = {i: [] for i in ids}
    if not ids:
        return held
    allocations = await session.exec(select(Allocation).where(
        col(Allocation.location_id).in_(ids), Allocation.status == "active"))
    for a in allocations:
        held[a.location_id].append(Occupation(parse_slots(a.slots), a.start_date, a.end_date))
    proposals = await session.exec(select(Proposal).where(
        col(Proposal.location_id).in_(ids), Proposal.status == "pending"))
    for p in proposals:
        if p.proposal_id != except_proposal:
            held[p.location_id].append(Occupation(parse_slots(p.slots), p.start_date))
    return held


def timeline(facts: LocationFacts, held: list[Occupation]) -> CapacityTimeline:
    return CapacityTimeline(facts.licensed, facts.corrections, held)


async def timelines(session: AsyncSession, views: list[LocationView], *,
                    except_proposal: str | None = None) -> list[tuple[LocationFacts, CapacityTimeline]]:
    held = await occupations(session, (v.location_id for v in views), except_proposal=except_proposal)
    result = []
    for view in views:
        facts = facts_of(view)
        result.append((facts, timeline(facts, held[view.location_id])))
    return result
