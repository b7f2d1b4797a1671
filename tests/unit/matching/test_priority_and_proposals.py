"""Ranking (priority, registration, lottery, quota) and every proposal rule (pure, table-driven)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from contracts.types import CareDay, CarePattern, Weekday
from services.matching.domain.capacity import CapacityTimeline, Occupation
from services.matching.domain.priority import RankEntry, interleave, lottery_ticket, quota_required, rank
from services.matching.domain.proposals import answer_due, check_acceptance, check_proposal, partial_flags
from services.matching.domain.working_days import add_working_days
from tests.unit.matching.test_capacity_and_eligibility import place, snapshot
from tests.unit.matching.test_distribution_rules import policy

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def entry(request_id: str, score: int = 0, day: int = 1, vulnerable: bool = False) -> RankEntry:
    return RankEntry(request_id, score, T0.replace(day=day), lottery_ticket("seed", request_id), vulnerable)


def test_priority_then_registration_then_lottery() -> None:
    ordered = rank([entry("late", day=9), entry("tie-1", day=2), entry("prio", 30, day=20), entry("tie-2", day=2)])
    names = [r.entry.request_id for r in ordered]
    ties = sorted(["tie-1", "tie-2"], key=lambda r: lottery_ticket("seed", r))
    assert names == ["prio", *ties, "late"]


def test_the_lottery_is_reproducible_from_the_seed_and_differs_per_seed() -> None:
    assert lottery_ticket("abc", "r1") == lottery_ticket("abc", "r1") != lottery_ticket("abd", "r1")


@pytest.mark.parametrize(("percent", "positions"), [(20, [0, 0, 1, 1, 1, 1, 1, 2]), (50, [1, 1, 2, 2, 3])])
def test_quota_rounds_half_up(percent: int, positions: list[int]) -> None:
    assert [quota_required(k, percent) for k in range(1, len(positions) + 1)] == positions


def test_the_quota_moves_vulnerable_families_forward_only_as_far_as_needed() -> None:
    items = ["a", "b", "c", "v1", "d", "v2"]
    merged = interleave(items, lambda x: x.startswith("v"), 50)
    assert [x for x, _ in merged] == ["v1", "a", "v2", "b", "c", "d"]  # half of 1 rounds up to 1
    assert [x for x, by_quota in merged if by_quota] == ["v1", "v2"]
    twenty = [x for x, _ in interleave(items, lambda x: x.startswith("v"), 20)]
    assert twenty == ["a", "b", "v1", "c", "d", "v2"], "at place 3, 20% rounds up to one"
    assert interleave(items, lambda x: x.startswith("v"), 0) == [(x, False) for x in items]


def test_working_days_skip_weekends_public_holidays_and_11_july() -> None:
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)  # Christmas, then a weekend
    assert add_working_days(date(2028, 7, 10), 1) == date(2028, 7, 12)  # 11 July 2028 is a Tuesday
    assert add_working_days(date(2028, 7, 10), 1, flemish_holiday=False) == date(2028, 7, 11)
    assert add_working_days(date(2026, 11, 10), 1) == date(2026, 11, 12)  # 11 November


MON_TUE = CarePattern(days=(CareDay(weekday=Weekday.MON), CareDay(weekday=Weekday.TUE)))
MON = CarePattern(days=(CareDay(weekday=Weekday.MON),))
TODAY = date(2026, 3, 1)


def proposal_codes(**changes: object) -> list[str]:
    facts = place()
    args: dict[str, object] = dict(
        request_status="open", distributed=True, already_pending=False, location=facts,
        timeline=CapacityTimeline(facts.licensed), policy=policy(), today=TODAY, start=date(2026, 9, 1),
        pattern=MON_TUE)
    args.update(changes)
    return [v.code for v in check_proposal(snapshot(), **args)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "codes"), [
    ({}, []),
    ({"request_status": "allocated"}, ["request_not_open"]),
    ({"distributed": False}, ["not_distributed_to_location"]),
    ({"already_pending": True}, ["already_proposed"]),
    ({"today": date(2025, 11, 30)}, ["proposal_too_early"]),
    ({"today": date(2025, 12, 1)}, []),
    ({"start": date(2026, 8, 31)}, ["start_before_wanted"]),
    ({"start": date(2026, 9, 15), "today": date(2026, 10, 1)}, ["start_in_past"]),
    ({"start": date(2029, 9, 1)}, ["age_out_of_range"]),
    ({"timeline": CapacityTimeline(place().licensed, occupations=[Occupation((0, 1), date(2026, 1, 1))])},
     ["no_free_capacity"]),
])
def test_every_proposal_rule(changes: dict[str, object], codes: list[str]) -> None:
    assert proposal_codes(**changes) == codes


def test_partial_answers_and_the_family_s_period() -> None:
    assert partial_flags(snapshot(), date(2026, 10, 1), MON) == partial_flags(snapshot(), date(2026, 10, 1), MON)
    flags = partial_flags(snapshot(), date(2026, 10, 1), MON)
    assert flags.later_start and flags.fewer_days
    assert answer_due(TODAY, policy()) == date(2026, 3, 11)


@pytest.mark.parametrize(("changes", "codes"), [
    ({}, []),
    ({"proposal_status": "declined"}, ["proposal_not_pending"]),
    ({"today": date(2026, 3, 12)}, ["proposal_expired"]),
    ({"today": date(2026, 3, 11)}, []),
    ({"request_status": "withdrawn"}, ["request_not_open"]),
    ({"pattern": CarePattern(days=(CareDay(weekday=Weekday.WED),))}, ["deviation_not_accepted"]),
    ({"pattern": CarePattern(days=(CareDay(weekday=Weekday.WED),)), "accept_deviation": True}, ["no_free_capacity"]),
])
def test_every_acceptance_rule(changes: dict[str, object], codes: list[str]) -> None:
    facts = place()
    args: dict[str, object] = dict(
        request_status="open", proposal_status="pending", due=date(2026, 3, 11), today=TODAY, pattern=MON_TUE,
        start=date(2026, 9, 1), accept_deviation=False, timeline_without_own=CapacityTimeline(facts.licensed))
    args.update(changes)
    assert [v.code for v in check_acceptance(snapshot(), **args)] == codes  # type: ignore[arg-type]
