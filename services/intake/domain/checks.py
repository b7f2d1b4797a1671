"""Checks of a registration that need several fields, today's date or the desk's policy.

Pure functions returning every problem at once (field, message code, parameters), so a family sees
all that is wrong in one go, in its own language, and nothing is saved until all is right.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, time, timedelta
from typing import Any

from contracts import municipalities
from contracts.types import CarePattern, PreferenceMode, Preferences, Weekday
from services.intake.domain.identifiers import national_number_matches_birth
from services.intake.domain.registration import RegisterRequest

MAX_CHILD_AGE_DAYS = 4 * 366
EXPECTED_BIRTH_LATEST_DAYS = 300
EXPECTED_BIRTH_GRACE_DAYS = 30
MAX_START_AHEAD_DAYS = 3 * 366
USUAL_OPENING = (time(7, 0), time(18, 30))


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    params: dict[str, Any] = dc_field(default_factory=dict)


def check_child(prefix: str, first_name: str, birth: date, expected: bool, national_number: str | None,
                today: date) -> list[Problem]:
    problems = []
    if not expected and not first_name:
        problems.append(Problem(f"{prefix}first_name", "missing"))
    if expected:
        if not today - timedelta(days=EXPECTED_BIRTH_GRACE_DAYS) <= birth <= today + timedelta(
                days=EXPECTED_BIRTH_LATEST_DAYS):
            problems.append(Problem(f"{prefix}birth_date", "expected_birth_range"))
    elif birth > today:
        problems.append(Problem(f"{prefix}birth_date", "birth_in_future"))
    elif (today - birth).days > MAX_CHILD_AGE_DAYS:
        problems.append(Problem(f"{prefix}birth_date", "child_too_old"))
    if national_number and not expected and not national_number_matches_birth(national_number, birth):
        problems.append(Problem(f"{prefix}national_number", "national_number_birth_mismatch"))
    return problems


def check_start(wanted: date, birth: date, today: date) -> list[Problem]:
    if wanted < today:
        return [Problem("wanted_start_date", "start_in_past")]
    if wanted < birth:
        return [Problem("wanted_start_date", "start_before_birth")]
    if wanted > today + timedelta(days=MAX_START_AHEAD_DAYS):
        return [Problem("wanted_start_date", "start_too_far")]
    return []


def check_pattern(pattern: CarePattern) -> list[Problem]:
    weekdays = [d.weekday for d in pattern.days]
    if len(weekdays) != len(set(weekdays)):
        return [Problem("care_pattern", "duplicate_weekday")]
    for day in pattern.days:
        if day.start and day.end and day.start >= day.end:
            return [Problem("care_pattern", "bad_hours")]
    return []


def needs_atypical_hours(pattern: CarePattern) -> bool:
    """Weekend days, or drop-off before 7:00 or pick-up after 18:30, are atypical hours."""
    for day in pattern.days:
        if day.weekday in (Weekday.SAT, Weekday.SUN):
            return True
        if (day.start and day.start < USUAL_OPENING[0]) or (day.end and day.end > USUAL_OPENING[1]):
            return True
    return False


def check_preferences(preferences: Preferences, max_preferences: int) -> list[Problem]:
    if preferences.mode is PreferenceMode.RANKED:
        ids = preferences.location_ids
        if not ids:
            return [Problem("preferences", "preferences_empty")]
        if len(ids) > max_preferences:
            return [Problem("preferences", "too_many_preferences", {"max": max_preferences})]
        if len(set(ids)) != len(ids):
            return [Problem("preferences", "duplicate_preference")]
    elif preferences.mode is PreferenceMode.DISTANCE:
        if not preferences.max_distance_km:
            return [Problem("preferences", "distance_required")]
    elif not preferences.nis_codes:
        return [Problem("preferences", "municipalities_required")]
    elif any(municipalities.get(code) is None for code in preferences.nis_codes):
        return [Problem("preferences", "unknown_municipality")]
    return []


def check_contact(command: RegisterRequest) -> list[Problem]:
    has = {"email": bool(command.contact_email), "phone": bool(command.contact_phone),
           "post": command.contact_address is not None}
    if not any(has.values()):
        return [Problem("contact_email", "contact_required")]
    if command.preferred_contact and not has[command.preferred_contact]:
        return [Problem("preferred_contact", "preferred_contact_missing")]
    return []


def check_registration(command: RegisterRequest, today: date, max_preferences: int) -> list[Problem]:
    """Every problem of *command* as registered on *today* under a policy allowing *max_preferences*."""
    problems = check_contact(command)
    problems += check_child("child_", command.child_first_name, command.child_birth_date, command.birth_expected,
                            command.child_national_number, today)
    for index, sibling in enumerate(command.siblings):
        problems += check_child(f"siblings.{index}.", sibling.first_name, sibling.birth_date,
                                sibling.birth_expected, sibling.national_number, today)
    problems += check_start(command.wanted_start_date, command.child_birth_date, today)
    problems += check_pattern(command.care_pattern)
    problems += check_preferences(command.preferences, max_preferences)
    if command.priority_answers and not command.priority_sworn:
        problems.append(Problem("priority_sworn", "priority_not_sworn"))
    if command.categories.vulnerable_family and not command.vulnerability_consent:
        problems.append(Problem("vulnerability_consent", "vulnerability_consent_required"))
    if command.place_siblings_together and not (command.siblings or command.sibling_of):
        problems.append(Problem("place_siblings_together", "no_siblings"))
    return problems
