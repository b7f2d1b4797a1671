"""Reading facts back: the requests of a desk (and year) or of a municipality, policies, locations."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import distinct, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.reporting.adapters.fact_store import utc
from services.reporting.adapters.tables import (
    DeskPolicyRow,
    LocationFactRow,
    RequestFactRow,
    RequestScope,
)
from services.reporting.domain.facts import Fact
from services.reporting.domain.locations import LocationFact
from services.reporting.domain.policy import PolicyVersion

FACTS = RequestFactRow.__table__  # type: ignore[attr-defined]
SCOPE = RequestScope.__table__  # type: ignore[attr-defined]


async def _facts_where(session: AsyncSession, request_ids: Any) -> list[Fact]:
    query = select(FACTS.c.event_id, FACTS.c.request_id, FACTS.c.kind, FACTS.c.occurred_at, FACTS.c.body).where(
        FACTS.c.request_id.in_(request_ids)
    )
    rows = (await session.execute(query)).all()
    return [Fact.from_row(r.event_id, r.request_id, r.kind, utc(r.occurred_at), r.body) for r in rows]


async def facts_for_desk(session: AsyncSession, desk_id: str, year: int | None = None) -> list[Fact]:
    """Every fact of every request that ever belonged to *desk_id* (with that original start year)."""
    ids = select(SCOPE.c.request_id).where(SCOPE.c.desk_id == desk_id)
    if year is not None:
        ids = ids.where(SCOPE.c.start_year == year)
    return await _facts_where(session, ids.distinct())


async def facts_for_municipality(session: AsyncSession, nis_code: str) -> list[Fact]:
    ids = select(SCOPE.c.request_id).where(SCOPE.c.home_nis == nis_code).distinct()
    return await _facts_where(session, ids)


async def policies(session: AsyncSession, desk_id: str) -> list[PolicyVersion]:
    table = DeskPolicyRow.__table__  # type: ignore[attr-defined]
    rows = (await session.execute(select(table).where(table.c.desk_id == desk_id))).all()
    return [PolicyVersion(desk_id=r.desk_id, version=r.version, valid_from=r.valid_from,
                          working_area=tuple(r.working_area.split()),
                          provider_response_days=r.provider_response_days,
                          count_flemish_holiday=bool(r.count_flemish_holiday), announced_at=utc(r.announced_at))
            for r in rows]


async def registered_request_count(session: AsyncSession) -> int:
    query = select(func.count(distinct(FACTS.c.request_id))).where(FACTS.c.kind == "registered")
    return int((await session.execute(query)).scalar_one())


async def horizon(session: AsyncSession) -> datetime | None:
    """The time of the latest fact the projection knows."""
    value = (await session.execute(select(func.max(FACTS.c.occurred_at)))).scalar_one()
    return utc(value) if value is not None else None


async def home_municipalities(session: AsyncSession, desk_id: str) -> list[str]:
    """Where the families of *desk_id* live (every municipality any snapshot named)."""
    query = select(SCOPE.c.home_nis).where(SCOPE.c.desk_id == desk_id).distinct().order_by(SCOPE.c.home_nis)
    return [r[0] for r in (await session.execute(query)).all()]


async def location_facts(session: AsyncSession, nis_codes: tuple[str, ...] | None = None) -> list[LocationFact]:
    table = LocationFactRow.__table__  # type: ignore[attr-defined]
    query = select(table)
    if nis_codes is not None:
        query = query.where(table.c.nis_code.in_(nis_codes))
    rows = (await session.execute(query)).all()
    return [LocationFact(event_id=r.event_id, location_id=r.location_id, provider_id=r.provider_id,
                         nis_code=r.nis_code, kind=r.kind, at=utc(r.occurred_at), data=json.loads(r.body))
            for r in rows]



async def facts_of_allocations_at(session: AsyncSession, location_ids: list[str]) -> list[Fact]:
    """Every fact of every request (of any desk) that was ever allocated a place at these locations."""
    if not location_ids:
        return []
    ids = select(FACTS.c.request_id).where(FACTS.c.kind == "allocated", FACTS.c.location_id.in_(location_ids))
    return await _facts_where(session, ids.distinct())
