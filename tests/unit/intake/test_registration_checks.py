"""Every rule of a registration, table-driven: one row per rule, the field and code the user sees."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from services.intake.domain.checks import check_registration, needs_atypical_hours
from services.intake.domain.flags import check_role
from services.intake.domain.registration import RegisterRequest

TODAY = date(2026, 11, 23)


def body(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "child_first_name": "Noor", "child_last_name": "Peeters", "child_birth_date": "2026-05-14",
        "home_nis": "44021", "wanted_start_date": "2027-02-01",
        "care_pattern": {"days": [{"weekday": "mon"}, {"weekday": "tue"}]},
        "preferences": {"mode": "distance", "max_distance_km": 5}, "contact_email": "sara@example.org",
        "consent": True,
    }
    base.update(changes)
    return base


def problems(**changes: Any) -> set[tuple[str, str]]:
    command = RegisterRequest.model_validate(body(**changes))
    return {(p.field, p.code) for p in check_registration(command, TODAY, max_preferences=3)}


def field_errors(**changes: Any) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        RegisterRequest.model_validate(body(**changes))
    return {(".".join(str(p) for p in e["loc"]), str(e.get("ctx", {}).get("error", e["type"])))
            for e in caught.value.errors()}


def test_a_complete_registration_has_no_problem() -> None:
    assert problems() == set()


@pytest.mark.parametrize(("changes", "expected"), [
    ({"home_nis": "99999"}, {("home_nis", "unknown_municipality")}),
    ({"child_national_number": "12345678901"}, {("child_national_number", "bad_national_number")}),
    ({"contact_phone": "bel me"}, {("contact_phone", "bad_phone")}),
    ({"consent": False}, {("consent", "consent_required")}),
    ({"contact_email": "not-an-address"}, {("contact_email", "bad_email")}),
    ({"contact_address": {"street": "Kerkstraat", "house_number": "1", "postcode": "900", "city": "Gent"}},
     {("contact_address.postcode", "string_pattern_mismatch")}),
    ({"unknown_field": 1}, {("unknown_field", "extra_forbidden")}),
])
def test_field_rules(changes: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert field_errors(**changes) == expected


@pytest.mark.parametrize(("changes", "expected"), [
    ({"contact_email": None}, {("contact_email", "contact_required")}),
    ({"contact_email": None, "contact_address": {"street": "Kerkstraat", "house_number": "1", "postcode": "9000",
                                                  "city": "Gent"}}, set()),
    ({"preferred_contact": "phone"}, {("preferred_contact", "preferred_contact_missing")}),
    ({"child_first_name": ""}, {("child_first_name", "missing")}),
    ({"child_first_name": "", "birth_expected": True, "child_birth_date": "2027-01-10"}, set()),
    ({"birth_expected": True, "child_birth_date": "2027-12-01", "wanted_start_date": "2028-01-10"},
     {("child_birth_date", "expected_birth_range")}),
    ({"child_birth_date": "2026-12-01"}, {("child_birth_date", "birth_in_future")}),
    ({"child_birth_date": "2021-01-01"}, {("child_birth_date", "child_too_old")}),
    ({"child_national_number": "26051400192"}, set()),
    ({"child_national_number": "26051500162"}, {("child_national_number", "national_number_birth_mismatch")}),
    ({"wanted_start_date": "2026-11-22"}, {("wanted_start_date", "start_in_past")}),
    ({"wanted_start_date": "2026-11-23"}, set()),
    ({"birth_expected": True, "child_birth_date": "2027-03-01", "wanted_start_date": "2027-02-01"},
     {("wanted_start_date", "start_before_birth")}),
    ({"wanted_start_date": "2030-01-01"}, {("wanted_start_date", "start_too_far")}),
    ({"care_pattern": {"days": [{"weekday": "mon"}, {"weekday": "mon", "part": "morning"}]}},
     {("care_pattern", "duplicate_weekday")}),
    ({"care_pattern": {"days": [{"weekday": "mon", "start": "17:00", "end": "08:00"}]}},
     {("care_pattern", "bad_hours")}),
    ({"preferences": {"mode": "ranked", "location_ids": []}}, {("preferences", "preferences_empty")}),
    ({"preferences": {"mode": "ranked", "location_ids": ["a", "b", "c", "d"]}},
     {("preferences", "too_many_preferences")}),
    ({"preferences": {"mode": "ranked", "location_ids": ["a", "a"]}}, {("preferences", "duplicate_preference")}),
    ({"preferences": {"mode": "distance"}}, {("preferences", "distance_required")}),
    ({"preferences": {"mode": "municipalities", "nis_codes": []}}, {("preferences", "municipalities_required")}),
    ({"preferences": {"mode": "municipalities", "nis_codes": ["12345"]}}, {("preferences", "unknown_municipality")}),
    ({"preferences": {"mode": "municipalities", "nis_codes": ["44040"]}}, set()),  # Melle, merged in 2025
    ({"priority_answers": ["single_parent"]}, {("priority_sworn", "priority_not_sworn")}),
    ({"priority_answers": ["single_parent"], "priority_sworn": True}, set()),
    ({"categories": {"vulnerable_family": True}}, {("vulnerability_consent", "vulnerability_consent_required")}),
    ({"place_siblings_together": True}, {("place_siblings_together", "no_siblings")}),
    ({"siblings": [{"last_name": "Peeters", "birth_date": "2026-05-14"}]}, {("siblings.0.first_name", "missing")}),
])
def test_rules_across_fields(changes: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    assert problems(**changes) == expected


def test_every_problem_is_reported_at_once() -> None:
    found = problems(contact_email=None, wanted_start_date="2020-01-01", preferences={"mode": "distance"})
    assert {code for _, code in found} == {"contact_required", "start_in_past", "distance_required"}


@pytest.mark.parametrize(("days", "atypical"), [
    ([{"weekday": "mon"}], False),
    ([{"weekday": "sat"}], True),
    ([{"weekday": "mon", "start": "06:30", "end": "15:00"}], True),
    ([{"weekday": "mon", "start": "07:00", "end": "18:30"}], False),
    ([{"weekday": "fri", "start": "08:00", "end": "19:00"}], True),
])
def test_atypical_hours_follow_from_the_pattern(days: list[dict[str, str]], atypical: bool) -> None:
    command = RegisterRequest.model_validate(body(care_pattern={"days": days}))
    assert needs_atypical_hours(command.care_pattern) is atypical


@pytest.mark.parametrize(("role", "changes", "expected"), [
    (None, {}, set()),
    (None, {"categories": {"urgent": True}}, {("categories.urgent", "flag_not_allowed")}),
    (None, {"channel": "desk"}, {("channel", "channel_not_allowed")}),
    ("toeleider", {"channel": "referrer", "categories": {"vulnerable_family": True}}, set()),
    ("toeleider", {"channel": "referrer", "categories": {"urgent": True}}, {("categories.urgent", "flag_not_allowed")}),
    ("toeleider", {}, {("channel", "channel_not_allowed")}),
    ("loketmedewerker", {"channel": "phone", "categories": {"urgent": True}}, set()),
    ("ouder", {"sibling_of": "x"}, {("sibling_of", "forbidden")}),
    ("loketmedewerker", {"categories": {"priority_group": True}}, {("priority_answers", "priority_answers_required")}),
    ("organisator", {"channel": "provider"}, set()),
])
def test_who_may_set_what(role: str | None, changes: dict[str, Any], expected: set[tuple[str, str]]) -> None:
    command = RegisterRequest.model_validate(body(**changes))
    assert {(p.field, p.code) for p in check_role(command, role)} == expected


def test_an_old_municipality_code_maps_to_its_2025_merger() -> None:
    command = RegisterRequest.model_validate(body(home_nis="44040"))
    assert command.home_nis == "44088"
