"""Spreadsheet rows: every bad cell reported with row and column; export and import agree."""

from __future__ import annotations

from typing import Any

import pytest

from services.offer.adapters.spreadsheets import read_sheet, write_csv, write_xlsx
from services.offer.domain.location import LocationDetails
from services.offer.domain.tabular import COLUMNS, ParsedRow, RowError, missing_columns, parse_row, row_of
from services.runtime.errors import AppError


def row(**overrides: str) -> dict[str, str]:
    cells = {"name": "De Regenboog", "street": "Kerkstraat 1", "postal_code": "9000", "city": "Gent",
             "nis_code": "44021", "kind": "groepsopvang", "ikt": "ja", "capacity_mon": "14", "capacity_tue": "14",
             "capacity_wed": "0", "capacity_thu": "14", "capacity_fri": "10", "hours_mon": "7:00-18:00",
             "languages": "nl, fr", "atypical_hours": "nee"}
    cells.update(overrides)
    return cells


def test_a_good_row() -> None:
    parsed = parse_row(2, row(latitude="51,05", longitude="3.72", capacity_mon="14.0", external_ref="A1"))
    assert isinstance(parsed, ParsedRow)
    assert parsed.location_id is None
    assert parsed.details.capacity_per_weekday == {"mon": 14, "tue": 14, "thu": 14, "fri": 10}
    assert parsed.details.latitude == 51.05
    assert parsed.details.languages == ("nl", "fr")
    assert str(parsed.details.opening_hours[0].opens) == "07:00:00"


@pytest.mark.parametrize(("overrides", "column", "code"), [
    ({"capacity_mon": "veertien"}, "capacity_mon", "bad_number"),
    ({"capacity_mon": "2.5"}, "capacity_mon", "bad_number"),
    ({"capacity_tue": "-3"}, "capacity_tue", "too_small"),
    ({"hours_mon": "van 7 tot 6"}, "hours_mon", "bad_hours"),
    ({"hours_mon": "25:00-26:00"}, "hours_mon", "bad_hours"),
    ({"hours_mon": "18:00-07:00"}, "hours_mon", "hours_order"),
    ({"ikt": "misschien"}, "ikt", "bad_yes_no"),
    ({"ikt": ""}, "ikt", "missing"),
    ({"nis_code": "12345"}, "nis_code", "unknown_municipality"),
    ({"name": ""}, "name", "missing"),
    ({"kind": "crèche"}, "kind", "bad_choice"),
    ({"email": "nope"}, "email", "bad_email"),
    ({"latitude": "noord"}, "latitude", "bad_number"),
])
def test_bad_cells(overrides: dict[str, str], column: str, code: str) -> None:
    errors = parse_row(7, row(**overrides))
    assert isinstance(errors, list)
    assert RowError(7, column, code, errors[0].params) in errors


def test_every_error_of_a_row_is_reported() -> None:
    errors = parse_row(3, row(capacity_mon="x", ikt="?", nis_code="1", email="nope"))
    assert isinstance(errors, list)
    assert {e.column for e in errors} == {"capacity_mon", "ikt", "nis_code", "email"}


def test_missing_columns() -> None:
    assert missing_columns(("name", "street")) == ["postal_code", "city", "nis_code", "kind", "ikt", "capacity_mon",
                                                   "capacity_tue", "capacity_wed", "capacity_thu", "capacity_fri"]
    assert missing_columns(COLUMNS) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_gives_the_same_details(fmt: str) -> None:
    parsed = parse_row(2, row(external_ref="KDV-1", latitude="51.05", longitude="3.72"))
    assert isinstance(parsed, ParsedRow)
    exported = row_of("loc-1", parsed.details, "active")
    content = (write_xlsx if fmt == "xlsx" else write_csv)(COLUMNS, [exported])
    header, body = read_sheet(content, fmt)
    assert header == COLUMNS
    (number, cells), = body
    again = parse_row(number, cells)
    assert isinstance(again, ParsedRow)
    assert again.location_id == "loc-1"
    assert again.details == parsed.details


def test_semicolon_csv_from_a_belgian_excel_with_blank_lines() -> None:
    header = ";".join(COLUMNS[:20])
    content = f"{header}\n\n;;De Regenboog;Kerkstraat 1;9000;Gent\n".encode("cp1252")
    names, body = read_sheet(content, "csv")
    assert names[:3] == ("location_id", "external_ref", "name")
    assert body[0][0] == 3 and body[0][1]["name"] == "De Regenboog"


@pytest.mark.parametrize(("content", "fmt", "code"), [
    (b"", "csv", "file_unreadable"),
    (b"PK\x03\x04 not really a workbook", "xlsx", "file_unreadable"),
    (b"x" * (5 * 1024 * 1024 + 1), "csv", "file_too_large"),
    (("name\n" + "a\n" * 2001).encode(), "csv", "too_many_rows"),
])
def test_unreadable_files(content: bytes, fmt: str, code: str) -> None:
    with pytest.raises(AppError) as caught:
        read_sheet(content, fmt)
    assert caught.value.code == code


def _details(**overrides: Any) -> LocationDetails:
    parsed = parse_row(2, row(**overrides))
    assert isinstance(parsed, ParsedRow)
    return parsed.details
