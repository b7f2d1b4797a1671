"""HTTP API of the desk's dashboards: /api/v1/dashboards (all charts) and /api/v1/dashboards/{chart}."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from services.reporting.dashboards import CHARTS, desk_dashboards
from services.reporting.entrypoints.common import DESK_ROLES, Runtime, check_desk, projection_state
from services.runtime.auth import Principal, require_roles
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["dashboards"])

AsOf = Annotated[date | None, Query(description="Figures as of the end of this day (default: today)")]
Months = Annotated[int, Query(ge=1, le=36, description="How many months back the monthly charts go")]


async def _charts(runtime: Any, desk_id: str, as_of: date | None, months: int) -> dict[str, Any]:
    day = as_of or runtime.clock.today()
    charts = await desk_dashboards(runtime.db, desk_id=desk_id, day=day, months=months)
    return {"desk_id": desk_id, "as_of": day.isoformat(), "projection": await projection_state(runtime),
            "charts": {key: chart.to_dict() for key, chart in charts.items()}}


@router.get("/dashboards", summary="Every dashboard chart of a desk")
async def all_dashboards(runtime: Runtime, desk_id: str, as_of: AsOf = None, months: Months = 12,
                         principal: Principal = require_roles(*DESK_ROLES)) -> dict[str, Any]:
    check_desk(principal, desk_id)
    return await _charts(runtime, desk_id, as_of, months)


@router.get("/dashboards/{chart}", summary="One dashboard chart of a desk")
async def one_dashboard(chart: str, runtime: Runtime, desk_id: str, as_of: AsOf = None, months: Months = 12,
                        principal: Principal = require_roles(*DESK_ROLES)) -> dict[str, Any]:
    check_desk(principal, desk_id)
    key = chart.replace("-", "_")
    if key not in CHARTS:
        raise AppError("not_found", 404)
    result = await _charts(runtime, desk_id, as_of, months)
    return {**{k: v for k, v in result.items() if k != "charts"}, "chart": result["charts"][key]}
