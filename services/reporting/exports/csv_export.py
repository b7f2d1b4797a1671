"""The yearly report as CSV, laid out like Opgroeien's form: one row per municipality of the
working area, the row for families from outside it, the total; the form's five count columns
first, then each of them split by the five categories.

Semicolons and a UTF-8 byte order mark, as spreadsheet programs in Belgium expect.
"""

from __future__ import annotations

import csv
import io

from services.reporting.domain.columns import CATEGORIES, COLUMNS
from services.reporting.domain.labels import SHORT_COLUMN_LABELS, category_label, column_label
from services.reporting.domain.yearly import ReportRow, YearlyReport


def header(year: int) -> list[str]:
    names = ["Werkingsgebied (gemeente)", "NIS-code"]
    names += [column_label(c.value, "nl", year) for c in COLUMNS]
    for column in COLUMNS:
        short = SHORT_COLUMN_LABELS[column.value]["nl"]
        names += [f"{short} - waarvan {category_label(category)}" for category in CATEGORIES]
    return names


def values(row: ReportRow) -> list[str]:
    cells = [row.name("nl"), row.nis_code or ""]
    cells += [str(row.counts[c.value]["total"]) for c in COLUMNS]
    for column in COLUMNS:
        cells += [str(row.counts[column.value][category]) for category in CATEGORIES]
    return cells


def to_csv(report: YearlyReport) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header(report.year))
    for row in (*report.rows, report.total):
        writer.writerow(values(row))
    return ("\ufeff" + buffer.getvalue()).encode()
