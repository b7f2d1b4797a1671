"""HTTP API of the yearly report: GET /api/v1/reports/yearly (desk worker of that desk)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from services.reporting.adapters.fact_queries import registered_request_count
from services.reporting.domain.calendar import default_cutoff
from services.reporting.entrypoints.common import DESK_ROLES, Runtime, check_desk, refuse_while_rebuilding
from services.reporting.reports import export, yearly_report
from services.runtime.auth import Principal, require_roles
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["reports"])

Year = Annotated[int, Query(ge=2014, le=2100, description="Report year (original wanted start dates)")]
Cutoff = Annotated[date | None, Query(description="Status as of this date; default the last day of "
                                                  "February of the following year")]


@router.get(
    "/reports/yearly",
    summary="The yearly report to Opgroeien for one desk (JSON, CSV or XLSX)",
    responses={200: {"content": {"text/csv": {}, "application/vnd.openxmlformats-officedocument."
                                                  "spreadsheetml.sheet": {}}}},
)
async def get_yearly_report(
    runtime: Runtime,
    desk_id: str,
    year: Year,
    cutoff: Cutoff = None,
    format: Literal["json", "csv", "xlsx"] = "json",
    principal: Principal = require_roles(*DESK_ROLES),
) -> Response:
    check_desk(principal, desk_id)
    day = cutoff or default_cutoff(year)
    if day < date(year, 1, 1):
        raise AppError("cutoff_before_year", 422, field="cutoff")
    await refuse_while_rebuilding(runtime)
    report = await yearly_report(runtime.db, desk_id=desk_id, year=year, cutoff=day)
    body, media_type, filename = export(report, format)
    disposition = "inline" if format == "json" else "attachment"
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


@router.get("/stats/requests", summary="Number of unique registered requests in the projection")
async def request_count(runtime: Runtime) -> dict[str, int]:
    async with runtime.db.session(readonly=True) as session:
        return {"requests": await registered_request_count(session)}
