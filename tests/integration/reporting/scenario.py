"""A year of one desk as real contract events, with the report Opgroeien should get for it.

Used by the integration test (every event produced onto the broker) and the end-to-end test
(registrations through intake, the rest produced as matching would). The matching events of a
request are produced *before* its registration on purpose: the projection must not care.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from contracts.builder import envelope_for
from contracts.envelope import Envelope
from contracts.events import intake, matching
from contracts.events.base import Event
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, PreferenceMode, Preferences, Weekday

AREA = ("44021", "44013", "44088")  # Gent, Destelbergen, Merelbeke-Melle
THREE_DAYS = CarePattern(days=tuple(CareDay(weekday=d) for d in (Weekday.MON, Weekday.TUE, Weekday.THU)))
TWO_DAYS = CarePattern(days=tuple(CareDay(weekday=d) for d in (Weekday.MON, Weekday.TUE)))


def when(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


@dataclass
class Registration:
    """One request as a family would register it (what intake needs, no more)."""

    key: str
    home_nis: str
    start: str
    registered: str
    flags: tuple[str, ...] = ()
    inside: bool = True
    request_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def snapshot(self, desk_id: str) -> intake.RequestSnapshot:
        start = date.fromisoformat(self.start)
        return intake.RequestSnapshot(
            request_id=self.request_id, desk_id=desk_id, family_ref=str(uuid.uuid4()), home_nis=self.home_nis,
            in_working_area=self.inside, child_birth_date=date(2024, 11, 1), wanted_start_date=start,
            original_wanted_start_date=start, care_pattern=THREE_DAYS,
            preferences=Preferences(mode=PreferenceMode.DISTANCE, max_distance_km=5),
            categories=CategoryFlags(**dict.fromkeys(self.flags, True)), policy_version=1,
            registered_at=when(self.registered), channel=Channel.ONLINE,
        )


REGISTRATIONS = (
    Registration("r1", "44021", "2025-09-01", "2025-01-10", ("urgent", "vulnerable_family", "priority_group")),
    Registration("r2", "44021", "2025-10-01", "2025-01-11", ("urgent",)),
    Registration("r3", "44013", "2025-06-02", "2025-01-12", ("atypical_hours",)),
    Registration("r4", "44013", "2025-11-03", "2025-01-13"),
    Registration("r5", "44021", "2025-09-01", "2025-01-14", ("urgent",)),  # duplicate of r1
    Registration("r6", "44087", "2025-08-01", "2025-01-15", ("specific_care_need",), inside=False),
    Registration("r7", "44088", "2025-05-05", "2025-01-16"),
    Registration("r8", "44021", "2025-03-15", "2025-01-17"),
    Registration("r9", "44021", "2025-04-01", "2025-01-18"),
    Registration("r10", "44021", "2026-01-05", "2025-01-19"),
)


def follow_ups(desk_id: str, ids: dict[str, str]) -> list[tuple[Event, datetime]]:
    """Everything after registration, as intake and matching would publish it."""
    def proposal(key: str, pid: str, day: str, start: str, pattern: CarePattern = THREE_DAYS) -> tuple[Event, datetime]:
        return (matching.ProposalMade(proposal_id=pid, request_id=ids[key], desk_id=desk_id, location_id="loc-x",
                                      provider_id="prov-x", start_date=date.fromisoformat(start), care_pattern=pattern,
                                      answer_due=date.fromisoformat(start), made_by="provider",
                                      proposed_at=when(day)), when(day))

    def allocation(key: str, pid: str, day: str, start: str, original: str, days: float,
                   aid: str) -> tuple[Event, datetime]:
        pattern = TWO_DAYS if days == 2 else THREE_DAYS
        return (matching.PlaceAllocated(allocation_id=aid, proposal_id=pid, request_id=ids[key], desk_id=desk_id,
                                        location_id="loc-x", provider_id="prov-x", start_date=date.fromisoformat(start),
                                        care_pattern=pattern, original_wanted_start_date=date.fromisoformat(original),
                                        requested_days_per_week=3.0, allocated_days_per_week=days,
                                        allocated_at=when(day)), when(day))

    p = {k: f"{ids[k]}-p" for k in ids}
    return [
        proposal("r2", p["r2"] + "1", "2025-03-01", "2025-10-01"),
        proposal("r3", p["r3"] + "1", "2025-02-01", "2025-07-02", TWO_DAYS),
        allocation("r3", p["r3"] + "1", "2025-02-05", "2025-07-02", "2025-06-02", 2.0, f"{ids['r3']}-a"),
        (intake.RequestWithdrawn(request_id=ids["r4"], desk_id=desk_id, reason="found_elsewhere",
                                 withdrawn_at=when("2026-03-10")), when("2026-03-10")),
        (intake.RequestMerged(request_id=ids["r1"], merged_request_id=ids["r5"], desk_id=desk_id,
                              merged_at=when("2025-01-20")), when("2025-01-20")),
        proposal("r7", p["r7"] + "1", "2025-02-01", "2025-05-05"),
        (matching.ProposalDeclined(proposal_id=p["r7"] + "1", request_id=ids["r7"], desk_id=desk_id,
                                   location_id="loc-x", reason="too_far", declined_at=when("2025-02-03")),
         when("2025-02-03")),
        proposal("r7", p["r7"] + "2", "2025-02-10", "2025-05-05"),
        allocation("r7", p["r7"] + "2", "2025-02-12", "2025-05-05", "2025-05-05", 3.0, f"{ids['r7']}-a"),
        proposal("r8", p["r8"] + "1", "2025-02-01", "2025-04-14"),
        allocation("r8", p["r8"] + "1", "2025-02-02", "2025-04-14", "2025-03-15", 3.0, f"{ids['r8']}-a"),
        proposal("r9", p["r9"] + "1", "2025-02-01", "2025-04-01"),
        allocation("r9", p["r9"] + "1", "2025-02-02", "2025-04-01", "2025-04-01", 3.0, f"{ids['r9']}-a"),
        (matching.AllocationCancelled(allocation_id=f"{ids['r9']}-a", request_id=ids["r9"], desk_id=desk_id,
                                      location_id="loc-x", reason="correction", cancelled_at=when("2025-03-01")),
         when("2025-03-01")),
    ]


def policy(desk_id: str) -> intake.DeskPolicyChanged:
    return intake.DeskPolicyChanged(
        desk_id=desk_id, version=1, valid_from=date(2024, 1, 1), working_area=AREA, provider_response_days=5,
        reminder_before_days=1, family_answer_days=10, earliest_answer_months=9, max_preferences=5,
        distribution_mode="all_fitting",
    )


def envelopes(events: list[tuple[Event, datetime]]) -> list[Envelope[Any]]:
    return [envelope_for(event, occurred_at=at, correlation_id=str(uuid.uuid4())) for event, at in events]


# The report for 2025 as of 28 February 2026: (row, column) -> total, and some category splits.
EXPECTED_TOTALS: dict[str, dict[str, int]] = {
    "44013": {"unique": 2, "unanswered_without_proposal": 1, "unanswered_with_proposal": 0,
              "partial_later_start": 1, "partial_fewer_days": 1},
    "44021": {"unique": 4, "unanswered_without_proposal": 1, "unanswered_with_proposal": 2,
              "partial_later_start": 0, "partial_fewer_days": 0},
    "44088": {"unique": 1, "unanswered_without_proposal": 0, "unanswered_with_proposal": 0,
              "partial_later_start": 0, "partial_fewer_days": 0},
    "outside": {"unique": 1, "unanswered_without_proposal": 1, "unanswered_with_proposal": 0,
                "partial_later_start": 0, "partial_fewer_days": 0},
    "total": {"unique": 8, "unanswered_without_proposal": 3, "unanswered_with_proposal": 2,
              "partial_later_start": 1, "partial_fewer_days": 1},
}
EXPECTED_CATEGORIES: dict[tuple[str, str, str], int] = {
    ("44021", "unique", "urgent"): 2,
    ("44021", "unique", "vulnerable_family"): 1,
    ("44021", "unanswered_without_proposal", "priority_group"): 1,
    ("44021", "unanswered_with_proposal", "urgent"): 1,
    ("44013", "partial_later_start", "atypical_hours"): 1,
    ("44013", "partial_fewer_days", "atypical_hours"): 1,
    ("outside", "unique", "specific_care_need"): 1,
    ("total", "unique", "urgent"): 2,
}


def check_report(document: dict[str, Any]) -> None:
    """Assert that a JSON report equals the expected one, row by row and column by column."""
    rows = {row["key"]: row["counts"] for row in document["rows"]}
    rows["total"] = document["total"]["counts"]
    assert list(rows) == ["44013", "44021", "44088", "outside", "total"]
    for key, columns in EXPECTED_TOTALS.items():
        assert {c: rows[key][c]["total"] for c in columns} == columns, key
    for (key, column, category), value in EXPECTED_CATEGORIES.items():
        assert rows[key][column][category] == value, (key, column, category)
