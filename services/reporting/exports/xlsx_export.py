"""The yearly report as an XLSX workbook laid out like Opgroeien's form.

Sheet "Formulier": the form's header fields (left empty where the desk fills them in), the
table of all requests, then the same table for each of the five categories. Sheet "Gegevens":
the flat table of the CSV export, for further processing. Same facts, same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from zipfile import ZIP_DEFLATED

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from services.reporting.domain.columns import CATEGORIES, COLUMNS
from services.reporting.domain.labels import PARTIAL_GROUP, category_label, column_label
from services.reporting.domain.yearly import YearlyReport
from services.reporting.exports.csv_export import header, values
from services.reporting.exports.stable_zip import StableZipFile

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORM_FIELDS = (
    ("Naam Organisator", "Geef hier de naam op van de organisator van het lokaal loket kinderopvang."),
    ("Naam Lokaal Loket", "Geef hier de naam op van het lokaal loket kinderopvang."),
    ("Dossiernummer Lokaal Loket", "Geef hier het dossiernummer op van het lokaal loket kinderopvang."),
)


def _boxed(ws: Worksheet, row: int, col: int, value: object, *, bold: bool = False) -> None:
    cell = ws.cell(row=row, column=col, value=value)  # type: ignore[arg-type]
    cell.border = BOX
    cell.alignment = WRAP
    if bold:
        cell.font = BOLD


def _block(ws: Worksheet, top: int, title: str, report: YearlyReport, category: str | None) -> int:
    """One table of the form; returns the first free row after it."""
    ws.cell(row=top, column=1, value=title).font = BOLD
    head = top + 1
    _boxed(ws, head, 1, "Werkingsgebied", bold=True)
    for index, column in enumerate(COLUMNS[:3], start=2):
        _boxed(ws, head, index, column_label(column.value, "nl", report.year), bold=True)
        ws.merge_cells(start_row=head, start_column=index, end_row=head + 1, end_column=index)
    ws.merge_cells(start_row=head, start_column=1, end_row=head + 1, end_column=1)
    _boxed(ws, head, 5, PARTIAL_GROUP["nl"], bold=True)
    ws.merge_cells(start_row=head, start_column=5, end_row=head, end_column=6)
    _boxed(ws, head + 1, 5, "Minstens 1 maand later gestart", bold=True)
    _boxed(ws, head + 1, 6, "Minder opvangdagen dan gevraagd", bold=True)
    row_index = head + 2
    for row in (*report.rows, report.total):
        _boxed(ws, row_index, 1, row.name("nl"), bold=row is report.total)
        for col_index, column in enumerate(COLUMNS, start=2):
            _boxed(ws, row_index, col_index, row.counts[column.value][category or "total"],
                   bold=row is report.total)
        row_index += 1
    return row_index + 1


def _form(ws: Worksheet, report: YearlyReport) -> None:
    ws.title = "Formulier"
    ws.cell(row=1, column=1, value=f"Registratie opvangvragen Lokaal Loket Kinderopvang - jaar {report.year}"
            ).font = TITLE
    for offset, (label, hint) in enumerate(FORM_FIELDS):
        ws.cell(row=3 + offset, column=1, value=label).font = BOLD
        _boxed(ws, 3 + offset, 2, "")
        ws.cell(row=3 + offset, column=3, value=hint)
    ws.cell(row=6, column=1, value="Jaar").font = BOLD
    _boxed(ws, 6, 2, report.year)
    ws.cell(row=8, column=1, value=f"Aantal unieke opvangvragen aan het lokaal loket in het jaar {report.year}"
            ).font = BOLD
    ws.cell(row=9, column=1, value=f"Status op {report.cutoff:%d-%m-%Y} (peildatum)")
    top = _block(ws, 11, "Alle opvangvragen", report, None)
    for category in CATEGORIES:
        top = _block(ws, top, f"Waarvan: {category_label(category)}", report, category)
    ws.column_dimensions["A"].width = 30
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 24


def _data(ws: Worksheet, report: YearlyReport) -> None:
    ws.append(header(report.year))
    for row in (*report.rows, report.total):
        cells = values(row)
        ws.append([*cells[:2], *(int(v) for v in cells[2:])])
    for cell in ws[1]:
        cell.font = BOLD
        cell.alignment = WRAP


def to_xlsx(report: YearlyReport) -> bytes:
    workbook = Workbook()
    _form(workbook.active, report)  # type: ignore[arg-type]
    _data(workbook.create_sheet("Gegevens"), report)
    moment = datetime(report.cutoff.year, report.cutoff.month, report.cutoff.day)
    workbook.properties.creator = "Opvangloket"
    workbook.properties.title = f"Registratie opvangvragen {report.year}"
    workbook.properties.created = moment
    workbook.properties.modified = moment
    buffer = io.BytesIO()
    archive = StableZipFile(buffer, "w", ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()
    return buffer.getvalue()

