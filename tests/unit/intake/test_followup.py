"""Working days, status from facts in any order, worklist predicates, policy versions (table-driven)."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from contracts.events.intake import DeskPolicyChanged, PriorityRule
from services.intake.domain.checks import Problem
from services.intake.domain.followup import Allocation, add_working_days, derive_status, is_new, is_overdue
from services.intake.domain.policy import PublishPolicy, check_publish, in_force, next_version

T = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize(("start", "days", "flemish", "expected"), [
    (date(2026, 3, 2), 5, True, date(2026, 3, 9)),       # Monday + 5 working days = next Monday
    (date(2026, 3, 6), 1, True, date(2026, 3, 9)),       # Friday + 1 = Monday
    (date(2026, 4, 3), 1, True, date(2026, 4, 7)),       # Easter Monday 6 April is skipped
    (date(2026, 7, 10), 1, True, date(2026, 7, 13)),     # 11 July is a Saturday in 2026
    (date(2025, 7, 10), 1, True, date(2025, 7, 14)),     # 11 July 2025 (Friday): Flemish holiday
    (date(2025, 7, 10), 1, False, date(2025, 7, 11)),    # ... unless the desk does not count it
    (date(2026, 12, 24), 1, True, date(2026, 12, 28)),   # Christmas
    (date(2026, 3, 2), 0, True, date(2026, 3, 2)),
])
def test_working_days_skip_weekends_and_belgian_holidays(start: date, days: int, flemish: bool,
                                                         expected: date) -> None:
    assert add_working_days(start, days, flemish_holiday=flemish) == expected


FACTS = [
    ("allocated", Allocation(T + timedelta(minutes=1))),
    ("cancelled", Allocation(T + timedelta(minutes=1), T + timedelta(minutes=2))),
    ("again", Allocation(T + timedelta(minutes=3))),
]


@pytest.mark.parametrize(("facts", "reopened", "expected"), [
    ([], None, "open"),
    (["allocated"], None, "allocated"),
    (["cancelled"], None, "open"),
    (["cancelled", "again"], None, "allocated"),
    (["again"], T + timedelta(minutes=4), "open"),          # the location closed after the allocation
    (["again"], T, "allocated"),                             # an older reopening changes nothing
])
def test_status_follows_the_facts_whatever_their_order(facts: list[str], reopened: datetime | None,
                                                       expected: str) -> None:
    chosen = [dict(FACTS)[name] for name in facts]
    for order in itertools.permutations(chosen):
        assert derive_status(withdrawn=False, merged=False, allocations=order, reopened_at=reopened) == expected


def test_withdrawn_and_merged_win_over_everything() -> None:
    allocations = [Allocation(T)]
    assert derive_status(withdrawn=True, merged=False, allocations=allocations, reopened_at=None) == "withdrawn"
    assert derive_status(withdrawn=True, merged=True, allocations=allocations, reopened_at=None) == "merged"


@pytest.mark.parametrize(("status", "proposals", "today", "overdue"), [
    ("open", 0, date(2026, 3, 9), False),    # the fifth working day is still within the period
    ("open", 0, date(2026, 3, 10), True),
    ("open", 1, date(2026, 3, 10), False),
    ("allocated", 0, date(2026, 3, 10), False),
])
def test_overdue_means_no_proposal_after_the_answer_period(status: str, proposals: int, today: date,
                                                           overdue: bool) -> None:
    assert is_overdue(status=status, proposals=proposals, registered=date(2026, 3, 2), provider_response_days=5,
                      today=today) is overdue
    assert is_new(status="open", reviewed=False) and not is_new(status="open", reviewed=True)


def policy(version: int, valid_from: date, *rules: str) -> DeskPolicyChanged:
    return DeskPolicyChanged(
        desk_id="d", version=version, valid_from=valid_from, working_area=("44021",), provider_response_days=5,
        reminder_before_days=1, family_answer_days=10, earliest_answer_months=9, max_preferences=5,
        distribution_mode="all_fitting", priority_rules=tuple(PriorityRule(code=r, weight=10) for r in rules))  # type: ignore[arg-type]


VERSIONS = [policy(1, date(2024, 1, 1), "sibling_present"), policy(2, date(2024, 4, 1), "work_related"),
            policy(3, date(2025, 4, 30)), policy(4, date(2025, 4, 30), "foster_child")]


@pytest.mark.parametrize(("on", "version"), [
    (date(2023, 12, 31), None), (date(2024, 1, 1), 1), (date(2024, 3, 31), 1), (date(2024, 4, 1), 2),
    (date(2025, 4, 29), 2), (date(2025, 4, 30), 4), (date(2030, 1, 1), 4),
])
def test_the_version_in_force_on_a_date(on: date, version: int | None) -> None:
    found = in_force(reversed(VERSIONS), on)
    assert (found.version if found else None) == version


def test_publishing_checks_order_and_reminder() -> None:
    command = PublishPolicy(valid_from=date(2025, 1, 1), working_area=["44040", "44021"], provider_response_days=3,
                            reminder_before_days=3, family_answer_days=10, earliest_answer_months=9,
                            max_preferences=5, distribution_mode="all_fitting")
    assert command.working_area == ["44021", "44088"], "codes mapped to 2025 and sorted"
    assert check_publish(command, VERSIONS[-1]) == [Problem("reminder_before_days", "reminder_after_deadline"),
                                                    Problem("valid_from", "policy_before_latest")]
    assert next_version("d", command, VERSIONS[-1]).version == 5
