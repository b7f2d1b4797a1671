"""Reading matching's tables into domain objects: policies, locations with their capacity
timelines, request snapshots (with the per-database caches of ``caches.py``)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from functools import cache

from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from contracts.events.offer import LocationSnapshot
from services.matching.adapters.caches import TimelineKey, caches_of
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

Located = tuple[LocationFacts, TimelineKey]


def snapshot_of(view: OpenRequestView) -> RequestSnapshot | None:
    return RequestSnapshot.model_validate_json(view.snapshot) if view.snapshot else None


def facts_of(session: AsyncSession, view: LocationView) -> LocationFacts:
    cache = caches_of(session).facts
    key = (view.location_id, view.updated_at, view.status)
    facts = cache.get(key)
    if facts is None:
        snapshot = LocationSnapshot.model_validate_json(view.snapshot)
        facts = cache.put(key, LocationFacts.of(snapshot, closed=view.status != "active"))
    return facts


@cache
def parse_slots(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def format_slots(slots: Iterable[int]) -> str:
    return ",".join(str(s) for s in slots)


async def policy_book(session: AsyncSession, desk_id: str) -> PolicyBook:
    """Every version of the desk's policy; a version never changes, so parsed books are reused."""
    versions = tuple(sorted((await session.exec(select(DeskPolicyView.version).where(
        DeskPolicyView.desk_id == desk_id))).all()))
    books = caches_of(session).books
    book = books.get(desk_id)
    if book is None or tuple(sorted(book.versions)) != versions:
        rows = (await session.exec(select(DeskPolicyView).where(DeskPolicyView.desk_id == desk_id))).all()
        book = books[desk_id] = PolicyBook.of(desk_id, (DeskPolicyChanged.model_validate_json(r.body) for r in rows))
    return book


async def lottery_seed(session: AsyncSession, desk_id: str, at: datetime) -> str:
    """The desk's lottery seed, drawn (at random, once) the first time the desk needs it."""
    seeds = caches_of(session).seeds
    if desk_id in seeds:
        return seeds[desk_id]
    draw = await session.get(LotteryDraw, desk_id)
    if draw is None:
        draw = LotteryDraw(desk_id=desk_id, seed=secrets.token_hex(16), drawn_at=at)
        session.add(draw)
        await session.flush()
        return draw.seed  # cached only once committed: see the next call
    seeds[desk_id] = draw.seed
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
    return list((await session.exec(query.order_by(col(LocationView.location_id)))).all())


async def location_facts(session: AsyncSession, *, ids: Iterable[str] = (),
                         nis_codes: Iterable[str] = ()) -> list[Located]:
    """Active locations by id or municipality; snapshots are only read for versions not cached."""
    ids, nis_codes = list(set(ids)), list(set(nis_codes))
    if not ids and not nis_codes:
        return []
    rows = (await session.exec(select(  # type: ignore[call-overload]
        LocationView.location_id, LocationView.updated_at, LocationView.status, LocationView.holds_version).where(
        or_(col(LocationView.location_id).in_(ids), col(LocationView.nis_code).in_(nis_codes)),
        LocationView.status == "active").order_by(col(LocationView.location_id)))).all()
    cache = caches_of(session).facts
    missing = [row[0] for row in rows if (row[0], row[1], row[2]) not in cache]
    if missing:
        for view in (await session.exec(select(LocationView).where(col(LocationView.location_id).in_(missing)))):
            facts_of(session, view)
    return [(cache[(i, u, s)], (i, u, s, h)) for i, u, s, h in rows if (i, u, s) in cache]


async def touch_holds(session: AsyncSession, location_id: str) -> None:
    """Something that holds this location's places changed: cached timelines are out of date."""
    view = await session.get(LocationView, location_id)
    if view is not None:
        view.holds_version += 1
        session.add(view)


async def occupations(session: AsyncSession, location_ids: Iterable[str], *,
                      except_proposal: str | None = None) -> dict[str, list[Occupation]]:
    """Active allocations and pending proposals per location: what holds its places."""
    ids = list(set(location_ids))
    held: dict[str, list[Occupation]] = {i: [] for i in ids}
    if not ids:
        return held
    allocations = await session.exec(select(  # type: ignore[call-overload]
        Allocation.location_id, Allocation.slots, Allocation.start_date, Allocation.end_date).where(
        col(Allocation.location_id).in_(ids), Allocation.status == "active"))
    for location_id, slots, start, end in allocations:
        held[location_id].append(Occupation(parse_slots(slots), start, end))
    proposals = await session.exec(select(  # type: ignore[call-overload]
        Proposal.location_id, Proposal.slots, Proposal.start_date).where(
        col(Proposal.location_id).in_(ids), Proposal.status == "pending", Proposal.proposal_id != except_proposal))
    for location_id, slots, start in proposals:
        held[location_id].append(Occupation(parse_slots(slots), start))
    return held


async def timelines_of(session: AsyncSession, located: list[Located], *,
                       except_proposal: str | None = None) -> list[tuple[LocationFacts, CapacityTimeline]]:
    """Capacity timelines, from the cache when the location and what holds it did not change."""
    cache = caches_of(session).timelines
    missing = [facts for facts, key in located if except_proposal or key not in cache]
    held = await occupations(session, (f.location_id for f in missing), except_proposal=except_proposal)
    result = []
    for facts, key in located:
        if facts.location_id in held:
            line = CapacityTimeline(facts.licensed, facts.corrections, held[facts.location_id])
            if not except_proposal:
                cache.put(key, line)
        else:
            line = cache[key]
        result.append((facts, line))
    return result


async def timelines(session: AsyncSession, views: list[LocationView], *,
                    except_proposal: str | None = None) -> list[tuple[LocationFacts, CapacityTimeline]]:
    located = [(facts_of(session, v), (v.location_id, v.updated_at, v.status, v.holds_version)) for v in views]
    return await timelines_of(session, located, except_proposal=except_proposal)
