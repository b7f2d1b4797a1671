"""The yearly report as JSON: stable key order, no timestamps, so equal facts give equal bytes."""

from __future__ import annotations

import json
from typing import Any

from services.reporting.domain.columns import CATEGORIES, COLUMNS
from services.reporting.domain.labels import category_label, column_label
from services.reporting.domain.yearly import ReportRow, YearlyReport


def _row(row: ReportRow) -> dict[str, Any]:
    return {"key": row.key, "nis_code": row.nis_code, "municipality": row.name("nl"),
            "municipality_fr": row.name("fr"), "counts": row.counts}


def report_document(report: YearlyReport) -> dict[str, Any]:
    return {
        "desk_id": report.desk_id,
        "year": report.year,
        "cutoff": report.cutoff.isoformat(),
        "working_area": list(report.working_area),
        "columns": [{"key": c.value, "label": column_label(c.value, "nl", report.year)} for c in COLUMNS],
        "categories": [{"key": c, "label": category_label(c, "nl")} for c in CATEGORIES],
        "rows": [_row(row) for row in report.rows],
        "total": _row(report.total),
    }


def to_json(report: YearlyReport) -> bytes:
    return (json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n").encode()


def report_from_document(document: dict[str, Any]) -> YearlyReport:
    """The report back from its JSON (a shared report is kept frozen as JSON)."""
    from datetime import date

    def row(item: dict[str, Any]) -> ReportRow:
        return ReportRow(item["key"], item["counts"])

    return YearlyReport(desk_id=document["desk_id"], year=int(document["year"]),
                        cutoff=date.fromisoformat(document["cutoff"]),
                        working_area=tuple(document["working_area"]),
                        rows=tuple(row(item) for item in document["rows"]), total=row(document["total"]))
