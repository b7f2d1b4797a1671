"""Hard constraints: can this location care for this child at all (SPEC section 3.2)?

Age at the start within the location's range (minimum inclusive, maximum exclusive: a child that
reaches the maximum age leaves), open and with a place on the wanted days from the start or
later (before the child is too old), atypical hours, specific care, and the income-related tariff
when the family needs it. Each failure is a code the pages explain in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contracts.events.intake import RequestSnapshot
from contracts.events.offer import LocationSnapshot
from services.matching.domain.capacity import CapacityTimeline, Correction
from services.matching.domain.slots import Slots, capacity_vector, slots_of, weekday_slots


@dataclass(frozen=True)
class LocationFacts:
    """What the rules need of a location, parsed once."""

    location_id: str
    provider_id: str
    nis_code: str
    latitude: float
    longitude: float
    age_min_months: int
    age_max_months: int
    atypical_hours: bool
    ikt: bool
    specific_care: bool
    active: bool
    licensed: tuple[int, ...]
    corrections: tuple[Correction, ...] = ()

    @classmethod
    def of(cls, snapshot: LocationSnapshot, *, closed: bool = False) -> LocationFacts:
        return cls(
            location_id=snapshot.location_id, provider_id=snapshot.provider_id, nis_code=snapshot.nis_code,
            latitude=snapshot.latitude, longitude=snapshot.longitude,
            age_min_months=snapshot.age_min_months, age_max_months=snapshot.age_max_months,
            atypical_hours=snapshot.atypical_hours, ikt=snapshot.ikt, specific_care=snapshot.specific_care,
            active=snapshot.status == "active" and not closed,
            licensed=tuple(capacity_vector(snapshot.capacity_per_weekday)),
            corrections=tuple(
                Correction(weekday_slots(c.weekdays), c.places_delta, c.valid_from, c.valid_until)
                for c in snapshot.corrections
            ),
        )


def add_months(day: date, months: int) -> date:
    """Same day *months* later (or earlier), clipped to the month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(f"no such day: {day} + {months} months")


def age_in_months(birth: date, on: date) -> int:
    """Completed months of life on *on* (negative before birth)."""
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    if on.day < birth.day:
        months -= 1
    return months


def age_failures(birth: date, start: date, location: LocationFacts) -> list[str]:
    age = age_in_months(birth, start)
    if age < location.age_min_months:
        return ["age_too_young"]
    if age >= location.age_max_months:
        return ["age_too_old"]
    return []


def hard_failures(
    request: RequestSnapshot, location: LocationFacts, timeline: CapacityTimeline | None, *,
    start: date | None = None, check_capacity: bool = True, slots: Slots | None = None,
) -> list[str]:
    """Every hard constraint the location fails for the request (empty: it fits)."""
    start = start or request.wanted_start_date
    failures: list[str] = []
    if not location.active:
        failures.append("location_inactive")
    failures += age_failures(request.child_birth_date, start, location)
    if request.atypical_hours_needed and not location.atypical_hours:
        failures.append("no_atypical_hours")
    if request.specific_care_need and not location.specific_care:
        failures.append("no_specific_care")
    if request.ikt_wanted and not location.ikt:
        failures.append("no_ikt")
    if check_capacity:
        failures += capacity_failures(request, location, timeline, start, slots)
    return failures


def capacity_failures(
    request: RequestSnapshot, location: LocationFacts, timeline: CapacityTimeline | None, start: date,
    slots: Slots | None = None,
) -> list[str]:
    needed = slots if slots is not None else slots_of(request.care_pattern)
    if any(location.licensed[index] <= 0 for index in needed):
        return ["closed_on_wanted_days"]
    if timeline is None:
        return []
    until = add_months(request.child_birth_date, location.age_max_months)
    if timeline.first_fit(needed, start, until) is None:
        return ["no_free_place"]
    return []
