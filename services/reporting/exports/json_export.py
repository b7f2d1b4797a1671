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
