"""Reading and writing the location sheet as CSV or XLSX (openpyxl), nothing else.

CSV from a Belgian Excel often uses ';' and Windows-1252: both are recognised. Empty lines are
skipped; row numbers are those a spreadsheet shows (header = 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime, time
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from services.runtime.errors import AppError

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Sheet = tuple[tuple[str, ...], list[tuple[int, dict[str, str]]]]


def read_sheet(content: bytes, fmt: str) -> Sheet:
    """(header, [(row number, cells by column)]) or AppError for an unreadable file."""
    if len(content) > MAX_BYTES:
        raise AppError("file_too_large", 413, max="5 MB")
    rows = _xlsx_rows(content) if fmt == "xlsx" else _csv_rows(content)
    if not rows:
        raise AppError("file_unreadable", 422)
    header = tuple(cell.strip().casefold() for cell in rows[0])
    body = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        body.append((number, {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header) if name}))
    if len(body) > MAX_ROWS:
        raise AppError("too_many_rows", 413, max=MAX_ROWS)
    return header, body


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)  # the header line tells which one the file uses
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_rows(content: bytes) -> list[list[str]]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # zip, xml or openpyxl errors: all mean "not a readable workbook"
        raise AppError("file_unreadable", 422) from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time | datetime):
        return value.strftime("%H:%M")
    return str(value)


def _typed(column: str, value: str) -> str | int | float:
    """Numbers as numbers in a workbook, so a spreadsheet adds them up without complaint."""
    if column.startswith(("capacity_", "age_")) and value.isdigit():
        return int(value)
    if column in ("latitude", "longitude") and value:
        return float(value)
    return value


def write_csv(columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()


def write_xlsx(columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "opvanglocaties"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_typed(column, row.get(column, "")) for column in columns])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
