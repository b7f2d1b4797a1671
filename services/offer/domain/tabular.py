"""Locations as spreadsheet rows: one layout for export and import, CSV and XLSX alike.

A provider exports, edits in its own tools, and imports again. Each row is validated by the same
``LocationDetails`` model as the API; every problem is reported with its row number (as the
spreadsheet shows it: the header is row 1) and its column, so a provider can fix them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from pydantic import ValidationError

from contracts.types import Weekday
from services.offer.domain.location import LocationDetails
from services.runtime.i18n import translate_validation_error

DAYS = tuple(Weekday)
CAPACITY = {day: f"capacity_{day.value}" for day in DAYS}
HOURS = {day: f"hours_{day.value}" for day in DAYS}
COLUMNS: tuple[str, ...] = (
    "location_id", "external_ref", "name", "street", "postal_code", "city", "nis_code", "latitude", "longitude",
    "kind", *CAPACITY.values(), "age_min_months", "age_max_months", *HOURS.values(), "atypical_hours",
    "atypical_note", "ikt", "specific_care", "languages", "phone", "email", "website", "status",
)
REQUIRED: tuple[str, ...] = ("name", "street", "postal_code", "city", "nis_code", "kind", "ikt",
                             *(CAPACITY[day] for day in DAYS[:5]))
YES = {"ja", "j", "yes", "y", "oui", "o", "true", "waar", "vrai", "1", "x"}
NO = {"nee", "n", "no", "non", "false", "onwaar", "faux", "0", ""}
HOURS_PATTERN = re.compile(r"^(\d{1,2})[:.u](\d{2})\s*[-–]\s*(\d{1,2})[:.u](\d{2})$")
TEXT_FIELDS = ("external_ref", "name", "street", "postal_code", "city", "nis_code", "kind", "atypical_note",
               "phone", "email", "website")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedRow:
    row: int
    location_id: str | None
    details: LocationDetails


def missing_columns(header: tuple[str, ...]) -> list[str]:
    return [column for column in REQUIRED if column not in header]


def parse_row(number: int, cells: Mapping[str, str]) -> ParsedRow | list[RowError]:
    """One spreadsheet row into validated details, or every error found in it."""
    errors: list[RowError] = []
    payload: dict[str, Any] = {name: cells[name].strip() for name in TEXT_FIELDS if cells.get(name, "").strip()}
    if payload.get("external_ref") == "":
        payload.pop("external_ref")
    for name in ("latitude", "longitude"):
        _number(cells, name, float, payload, errors, number)
    for name in ("age_min_months", "age_max_months"):
        _number(cells, name, int, payload, errors, number)
    capacity: dict[str, Any] = {}
    for day, column in CAPACITY.items():
        _number(cells, column, int, capacity, errors, number, key=day.value)
    payload["capacity_per_weekday"] = capacity
    hours = []
    for day, column in HOURS.items():
        raw = cells.get(column, "").strip()
        if not raw:
            continue
        match = HOURS_PATTERN.match(raw)
        try:
            assert match is not None
            h1, m1, h2, m2 = (int(part) for part in match.groups())
            hours.append({"weekday": day.value, "opens": time(h1, m1), "closes": time(h2, m2)})
        except (AssertionError, ValueError):
            errors.append(RowError(number, column, "bad_hours"))
    payload["opening_hours"] = hours
    for name in ("atypical_hours", "ikt", "specific_care"):
        raw = cells.get(name, "").strip().casefold()
        if raw in YES:
            payload[name] = True
        elif raw in NO and (raw or name != "ikt"):
            payload[name] = False
        elif raw:
            errors.append(RowError(number, name, "bad_yes_no"))
    languages = [part for part in re.split(r"[\s,;/]+", cells.get("languages", "").strip().casefold()) if part]
    if languages:
        payload["languages"] = languages
    try:
        details = LocationDetails.model_validate(payload)
    except ValidationError as exc:
        taken = {error.column for error in errors}
        for problem in exc.errors():
            column = _column_of(problem)
            if column not in taken:
                errors.append(RowError(number, column, _code_of(problem), _params_of(problem)))
                taken.add(column)
        return errors
    if errors:
        return errors
    location_id = cells.get("location_id", "").strip() or None
    return ParsedRow(number, location_id, details)


def _number(cells: Mapping[str, str], column: str, kind: type, target: dict[str, Any], errors: list[RowError],
            number: int, *, key: str | None = None) -> None:
    raw = cells.get(column, "").strip().replace(",", ".")
    if not raw:
        return
    try:
        value = float(raw)
        if kind is int and not value.is_integer():
            raise ValueError(raw)
        target[key or column] = kind(value)
    except ValueError:
        errors.append(RowError(number, column, "bad_number"))


def _column_of(problem: Mapping[str, Any]) -> str:
    loc = [str(part) for part in problem.get("loc", ())]
    if not loc:
        return "row"
    if loc[0] == "capacity_per_weekday":
        return f"capacity_{loc[1]}" if len(loc) > 1 else CAPACITY[Weekday.MON]
    if loc[0] == "opening_hours":
        return "hours_mon"
    if loc[0] == "languages":
        return "languages"
    return loc[0]


def _code_of(problem: Mapping[str, Any]) -> str:
    return translate_validation_error(dict(problem), "nl")["code"]


def _params_of(problem: Mapping[str, Any]) -> dict[str, Any]:
    ctx = problem.get("ctx") or {}
    return {"min": ctx.get("min_length", ctx.get("ge", "")), "max": ctx.get("max_length", ctx.get("le", ""))}


def row_of(location_id: str, details: LocationDetails, status: str) -> dict[str, str]:
    """One exported row: the same columns the import reads."""
    hours = {h.weekday: h for h in details.opening_hours}
    row: dict[str, str] = {
        "location_id": location_id, "external_ref": details.external_ref or "", "name": details.name,
        "street": details.street, "postal_code": details.postal_code, "city": details.city,
        "nis_code": details.nis_code, "latitude": _opt(details.latitude), "longitude": _opt(details.longitude),
        "kind": details.kind, "age_min_months": str(details.age_min_months),
        "age_max_months": str(details.age_max_months), "atypical_hours": _yes(details.atypical_hours),
        "atypical_note": details.atypical_note, "ikt": _yes(details.ikt), "specific_care": _yes(details.specific_care),
        "languages": " ".join(details.languages), "phone": details.phone, "email": details.email,
        "website": details.website, "status": status,
    }
    for day in DAYS:
        row[CAPACITY[day]] = str(details.capacity_per_weekday.get(day, 0))
        found = hours.get(day)
        row[HOURS[day]] = f"{found.opens:%H:%M}-{found.closes:%H:%M}" if found else ""
    return row


def _opt(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}"


def _yes(value: bool) -> str:
    return "ja" if value else "nee"
