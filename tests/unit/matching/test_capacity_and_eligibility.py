"""Derived free places over time, slots of care patterns, and the hard constraints."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from contracts.events.intake import RequestSnapshot
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, DayPart, Preferences, Weekday
from services.matching.domain.capacity import CapacityTimeline, Correction, Occupation
from services.matching.domain.eligibility import LocationFacts, add_months, age_in_months, hard_failures
from services.matching.domain.slots import capacity_vector, is_subset, slots_of

MON_TUE = (0, 1, 2, 3)


def place(**overrides: object) -> LocationFacts:
    body: dict[str, object] = dict(
        location_id="l", provider_id="p", nis_code="44021", latitude=51.05, longitude=3.72, age_min_months=0,
        age_max_months=36, atypical_hours=False, ikt=True, specific_care=False, active=True,
        licensed=tuple(capacity_vector({Weekday.MON: 1, Weekday.TUE: 1})))
    body.update(overrides)
    return LocationFacts(**body)  # type: ignore[arg-type]


def snapshot(**overrides: object) -> RequestSnapshot:
    body: dict[str, object] = dict(
        request_id="r", desk_id="d", family_ref="f", home_nis="44021", in_working_area=True,
        child_birth_date=date(2026, 6, 15), wanted_start_date=date(2026, 9, 1),
        original_wanted_start_date=date(2026, 9, 1),
        care_pattern=CarePattern(days=(CareDay(weekday=Weekday.MON), CareDay(weekday=Weekday.TUE))),
        preferences=Preferences(mode="distance", max_distance_km=5), categories=CategoryFlags(), policy_version=1,
        registered_at=datetime(2026, 1, 1, tzinfo=UTC), channel=Channel.ONLINE)
    body.update(overrides)
    return RequestSnapshot(**body)  # type: ignore[arg-type]


def test_half_days_use_half_a_weekday_and_full_days_both_halves() -> None:
    pattern = CarePattern(days=(CareDay(weekday=Weekday.MON), CareDay(weekday=Weekday.WED, part=DayPart.AFTERNOON)))
    assert slots_of(pattern) == (0, 1, 5)
    morning = CarePattern(days=(CareDay(weekday=Weekday.MON, part=DayPart.MORNING),))
    assert is_subset(morning, pattern) and not is_subset(pattern, morning)


def test_free_places_follow_allocations_reservations_and_corrections_over_time() -> None:
    line = CapacityTimeline(
        capacity_vector({Weekday.MON: 2, Weekday.TUE: 2}),
        corrections=[Correction((2, 3), -1, date(2026, 10, 1), date(2026, 10, 31))],
        occupations=[Occupation(MON_TUE, date(2026, 9, 1), date(2027, 6, 1)), Occupation((0, 1), date(2027, 1, 1))],
    )
    assert line.free_on(date(2026, 8, 1))[:4] == [2, 2, 2, 2]
    assert line.free_on(date(2026, 10, 15))[:4] == [1, 1, 0, 0]
    assert line.free_from(date(2026, 8, 1))[:4] == [0, 0, 0, 0], "mondays are full from January to June"
    assert line.fits_from(date(2027, 6, 1), (0, 1)) and not line.fits_from(date(2027, 5, 31), (0, 1))
    assert line.first_fit((0, 1), date(2026, 8, 1)) == date(2027, 6, 1)
    assert line.first_fit((0, 1), date(2026, 8, 1), until=date(2027, 6, 1)) is None


@pytest.mark.parametrize(("birth", "on", "months"), [
    (date(2026, 1, 31), date(2026, 2, 28), 0), (date(2026, 1, 31), date(2026, 3, 31), 2),
    (date(2026, 5, 1), date(2026, 4, 1), -1), (date(2024, 2, 29), date(2027, 2, 28), 35),
])
def test_age_in_completed_months(birth: date, on: date, months: int) -> None:
    assert age_in_months(birth, on) == months


def test_add_months_clips_to_the_end_of_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 15), -9) == date(2025, 6, 15)


@pytest.mark.parametrize(("request_overrides", "location_overrides", "failures"), [
    ({}, {}, []),
    ({}, {"active": False}, ["location_inactive"]),
    ({"child_birth_date": date(2026, 6, 15)}, {"age_min_months": 6}, ["age_too_young"]),
    ({"child_birth_date": date(2023, 8, 1)}, {}, ["age_too_old"]),
    ({"atypical_hours_needed": True}, {}, ["no_atypical_hours"]),
    ({"specific_care_need": True}, {}, ["no_specific_care"]),
    ({"ikt_wanted": True}, {"ikt": False}, ["no_ikt"]),
    ({"care_pattern": CarePattern(days=(CareDay(weekday=Weekday.WED),))}, {}, ["closed_on_wanted_days"]),
])
def test_hard_constraints(request_overrides: dict[str, object], location_overrides: dict[str, object],
                          failures: list[str]) -> None:
    facts = place(**location_overrides)
    line = CapacityTimeline(facts.licensed)
    assert hard_failures(snapshot(**request_overrides), facts, line) == failures


def test_a_full_location_fits_when_a_place_frees_before_the_child_is_too_old() -> None:
    facts = place()
    in_time = [Occupation(MON_TUE, date(2025, 1, 1), date(2027, 1, 1))]
    too_late = [Occupation(MON_TUE, date(2025, 1, 1), date(2029, 9, 1))]
    frees_in_time = CapacityTimeline(facts.licensed, occupations=in_time)
    frees_too_late = CapacityTimeline(facts.licensed, occupations=too_late)
    assert hard_failures(snapshot(), facts, frees_in_time) == []
    assert hard_failures(snapshot(), facts, frees_too_late) == ["no_free_place"]
