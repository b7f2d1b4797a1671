"""Application service for the yearly report: load the facts, fold them as of the cut-off, build."""

from __future__ import annotations

from datetime import date

from services.reporting.adapters.fact_queries import facts_for_desk, policies
from services.reporting.domain.calendar import end_of_day
from services.reporting.domain.policy import policy_in_force
from services.reporting.domain.state import fold_all
from services.reporting.domain.yearly import YearlyReport, build_yearly_report
from services.reporting.exports.csv_export import to_csv
from services.reporting.exports.json_export import to_json
from services.reporting.exports.xlsx_export import to_xlsx
from services.runtime.db import Database

EXPORTS = {
    "json": (to_json, "application/json"),
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "xlsx": (to_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


async def yearly_report(db: Database, *, desk_id: str, year: int, cutoff: date) -> YearlyReport:
    async with db.session(readonly=True) as session:
        facts = await facts_for_desk(session, desk_id, year)
        versions = await policies(session, desk_id)
    policy = policy_in_force(versions, cutoff)
    states = fold_all(facts, end_of_day(cutoff)).values()
    return build_yearly_report(desk_id=desk_id, year=year, cutoff=cutoff,
                               working_area=policy.working_area if policy else (), states=states)


def export(report: YearlyReport, fmt: str) -> tuple[bytes, str, str]:
    """(body, media type, file name) of *report* in format *fmt*."""
    render, media_type = EXPORTS[fmt]
    filename = f"opgroeien-registratie-{report.year}-peildatum-{report.cutoff.isoformat()}.{fmt}"
    return render(report), media_type, filename
