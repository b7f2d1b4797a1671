"""Which locations hear of a request under each desk policy, and why (pure rules)."""

from __future__ import annotations

from datetime import date

import pytest

from contracts.events.intake import DeskPolicyChanged
from contracts.types import CategoryFlags, Preferences
from services.matching.domain.capacity import CapacityTimeline, Occupation
from services.matching.domain.distribution import plan_distribution
from services.matching.domain.policy import PolicyBook, priority_score
from tests.unit.matching.test_capacity_and_eligibility import place, snapshot

AREA = ("44021",)


def policy(mode: str = "all_fitting", **overrides: object) -> DeskPolicyChanged:
    body: dict[str, object] = dict(
        desk_id="d", version=1, valid_from=date(2024, 1, 1), working_area=AREA, provider_response_days=5,
        reminder_before_days=1, family_answer_days=10, earliest_answer_months=9, max_preferences=2,
        distribution_mode=mode, urgent_broadcast=False)
    body.update(overrides)
    return DeskPolicyChanged(**body)  # type: ignore[arg-type]


def plan(mode: str, prefs: Preferences, *, urgent: bool = False, full: bool = False, **policy_overrides: object):  # type: ignore[no-untyped-def]
    near = place(location_id="near")
    far = place(location_id="far-in-area", latitude=51.2, longitude=3.9)
    border = place(location_id="across-border", nis_code="44013", latitude=51.06, longitude=3.73)
    held = [Occupation((0, 1, 2, 3), date(2025, 1, 1))] if full else []
    candidates = [(p, CapacityTimeline(p.licensed, occupations=held)) for p in (near, far, border)]
    request = snapshot(preferences=prefs, categories=CategoryFlags(urgent=urgent))
    return plan_distribution(request, urgent=urgent, policy=policy(mode, **policy_overrides), candidates=candidates,
                             working_area=AREA)


def included(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.location_id for d in result.recipients]


@pytest.mark.parametrize(("mode", "prefs", "expected"), [
    ("all_fitting", Preferences(mode="distance", max_distance_km=3), ["far-in-area", "near", "across-border"]),
    ("preferences_only", Preferences(mode="distance", max_distance_km=3), ["across-border", "near"]),
    ("preferences_only", Preferences(mode="municipalities", nis_codes=("44013",)), ["across-border"]),
    ("preferences_only", Preferences(mode="ranked", location_ids=("x", "y", "near")), []),
    ("preferences_only", Preferences(mode="ranked", location_ids=("far-in-area", "near")), ["far-in-area", "near"]),
])
def test_modes_and_preferences(mode: str, prefs: Preferences, expected: list[str]) -> None:
    assert sorted(included(plan(mode, prefs))) == sorted(expected)


def test_reasons_say_why_each_location_was_or_was_not_told() -> None:
    result = plan("preferences_only", Preferences(mode="distance", max_distance_km=3))
    why = {d.location_id: d.reasons for d in result.decisions}
    assert why["near"][:2] == ("fits", "in_working_area") and why["near"][2].startswith("within_distance:")
    assert why["far-in-area"] == ("not_in_preferences",)


def test_urgent_requests_are_broadcast_even_to_full_locations_when_the_policy_says_so() -> None:
    prefs = Preferences(mode="ranked", location_ids=("near",))
    assert included(plan("preferences_only", prefs, urgent=True, full=True)) == []
    broadcast = plan("broadcast_when_urgent", prefs, urgent=True, full=True)
    assert broadcast.mode == "broadcast_urgent"
    assert included(broadcast) == ["far-in-area", "near"]
    assert broadcast.decisions[0].reasons[-1] == "note:no_free_place"
    assert plan("preferences_only", prefs, urgent=True, urgent_broadcast=True).mode == "broadcast_urgent"


def test_requests_are_judged_by_the_policy_version_of_their_registration() -> None:
    v1 = policy(priority_rules=[{"code": "low_income", "weight": 20}])
    v2 = policy(version=2, valid_from=date(2025, 4, 30), priority_rules=[])
    book = PolicyBook.of("d", [v1, v2])
    assert book.in_force_on(date(2025, 4, 29)) == v1 and book.in_force_on(date(2025, 4, 30)) == v2
    assert priority_score(book.for_registration(1, date(2026, 1, 1)), ["low_income"]) == 20
    assert priority_score(book.for_registration(7, date(2026, 1, 1)), ["low_income"]) == 0, "unknown: by date"
