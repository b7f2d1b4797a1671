"""The simulator's own record of what happened, and the SPEC §5 report computed from it.

Only facts the system acknowledged are recorded (a 201/200 answer): a registration, a proposal, an
acceptance, a withdrawal, a closure that cancelled allocations. The report is computed here in a
deliberately plain way, independent of ``services/reporting``: if both agree, the projection, the
bus under chaos and the rules agree with what really happened.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

COLUMNS = ("unique", "unanswered_without_proposal", "unanswered_with_proposal", "partial_later_start",
           "partial_fewer_days")
CATEGORIES = ("urgent", "atypical_hours", "priority_group", "vulnerable_family", "specific_care_need")


@dataclass
class Allocation:
    proposal_id: str
    location_key: str
    start: date
    days_per_week: float


@dataclass
class ChildRequest:
    """One child's request as the simulator caused it."""

    request_id: str
    family_key: str
    desk_id: str
    home_nis: str
    wanted_start: date
    days_per_week: float
    flags: set[str]
    proposals: list[str] = field(default_factory=list)
    allocation: Allocation | None = None
    withdrawn: bool = False
    reopened: int = 0

    @property
    def open(self) -> bool:
        return self.allocation is None and not self.withdrawn


@dataclass
class GroundTruth:
    requests: dict[str, ChildRequest] = field(default_factory=dict)
    merged_duplicates: int = 0
    duplicates_not_merged: list[str] = field(default_factory=list)
    declines: int = 0
    expiries: int = 0
    closures: list[tuple[date, str, int]] = field(default_factory=list)  # day, location key, children affected

    def add(self, request: ChildRequest) -> None:
        self.requests[request.request_id] = request

    def summary(self) -> dict[str, int]:
        values = list(self.requests.values())
        return {"requests": len(values), "proposals": sum(len(r.proposals) for r in values),
                "allocated": sum(r.allocation is not None for r in values),
                "withdrawn": sum(r.withdrawn for r in values), "declined": self.declines,
                "expired": self.expiries, "merged_duplicates": self.merged_duplicates,
                "reopened": sum(r.reopened for r in values), "closures": len(self.closures)}


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def columns_of(request: ChildRequest) -> list[str]:
    found = ["unique"]
    if request.withdrawn:
        return found
    if request.allocation is None:
        found.append("unanswered_with_proposal" if request.proposals else "unanswered_without_proposal")
        return found
    if request.allocation.start >= add_months(request.wanted_start, 1):
        found.append("partial_later_start")
    if request.allocation.days_per_week < request.days_per_week:
        found.append("partial_fewer_days")
    return found


def empty() -> dict[str, dict[str, int]]:
    return {column: {"total": 0, **dict.fromkeys(CATEGORIES, 0)} for column in COLUMNS}


def expected_report(truth: GroundTruth, desk_id: str, year: int, working_area: tuple[str, ...]) -> dict[str, Any]:
    """Rows keyed by NIS code (every municipality of the area), ``outside`` and ``total``."""
    rows: dict[str, dict[str, dict[str, int]]] = {nis: empty() for nis in working_area}
    rows["outside"], rows["total"] = empty(), empty()
    for request in truth.requests.values():
        if request.desk_id != desk_id or request.wanted_start.year != year:
            continue
        key = request.home_nis if request.home_nis in working_area else "outside"
        for column in columns_of(request):
            for target in (rows[key], rows["total"]):
                target[column]["total"] += 1
                for category in request.flags:
                    target[column][category] += 1
    return rows


def rows_of_document(document: dict[str, Any]) -> dict[str, dict[str, dict[str, int]]]:
    rows = {row["key"]: row["counts"] for row in document["rows"]}
    rows["total"] = document["total"]["counts"]
    return rows


def differences(expected: dict[str, Any], exported: dict[str, Any]) -> list[str]:
    """Every cell that differs, as 'row column category: expected X, exported Y'."""
    diffs = []
    for key in sorted(set(expected) | set(exported)):
        want, got = expected.get(key, empty()), exported.get(key, empty())
        for column in COLUMNS:
            for category in ("total", *CATEGORIES):
                a, b = want[column][category], got.get(column, {}).get(category, 0)
                if a != b:
                    diffs.append(f"{key} {column} {category}: expected {a}, exported {b}")
    return diffs
