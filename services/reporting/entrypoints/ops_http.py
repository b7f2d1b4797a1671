"""Operator endpoints of reporting: the projection's state and a hub-stats round on demand."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import func, select

from services.reporting.adapters.fact_queries import horizon
from services.reporting.adapters.projection_state import status
from services.reporting.adapters.tables import RequestFactRow
from services.reporting.entrypoints.common import DESK_ROLES, Runtime
from services.reporting.stats_publisher import StatsPublisher
from services.runtime.auth import Principal, Role, require_roles

router = APIRouter(prefix="/api/v1", tags=["operations"])


@router.get("/projection/status", summary="Live or rebuilding, how far a rebuild got, latest event time")
async def projection_status(runtime: Runtime, principal: Principal = require_roles(*DESK_ROLES)) -> dict[str, Any]:
    async with runtime.db.session() as session:
        row = await status(session)
        latest = await horizon(session)
        facts = (await session.execute(select(func.count()).select_from(RequestFactRow))).scalar_one()
        # read the row before the rollback: it expires the row, and the closed session cannot reload it
        answer = {"state": row.state, "rebuild_started_at": row.rebuild_started_at,
                  "rebuild_finished_at": row.rebuild_finished_at, "rebuild_events": row.rebuild_events,
                  "rebuild_total": row.rebuild_total, "request_facts": int(facts), "latest_event_time": latest}
        await session.rollback()
    return answer


@router.post("/hub-stats/publish", summary="Run one round of the MunicipalityStats publisher now")
async def publish_now(request: Request, principal: Principal = require_roles(Role.OPERATOR)) -> dict[str, int]:
    publisher: StatsPublisher = request.app.state.stats_publisher
    handled = emitted = 0
    while True:
        round_handled, round_emitted = await publisher.run_once()
        handled, emitted = handled + round_handled, emitted + round_emitted
        if not round_handled:
            return {"desks": handled, "emitted": emitted}
