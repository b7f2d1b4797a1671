"""Free places are derived, never typed: licensed capacity minus allocations, plus corrections.

SPEC section 3: peers that make providers type free places by hand show wrong figures. Here a
weekday's free places on a date are

    licensed capacity(weekday) - occupied(date, weekday) + corrections(date, weekday)

where *occupied* counts the allocations running on that date for that weekday (a full day takes
a place; a morning and an afternoon child can share one, so half days count as the larger of the
two halves) and *corrections* are the provider's own, visible adjustments (staff shortage, a
closed group, children placed outside the desk) - always negative, each with its own period.
A child needs its place every week from its start, so "free from a date" is the lowest figure
from that date on (``lasting``), not just the figure on that date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from contracts.types import CarePattern, DayPart, Weekday


@dataclass(frozen=True)
class Occupation:
    """One allocation as the derivation needs it; cancelled ones are simply not passed in."""

    allocation_id: str
    start: date
    days: Mapping[Weekday, DayPart]
    last_day: date | None = None  # inclusive; None = until the provider says the child leaves

    def runs_on(self, day: date) -> bool:
        return self.start <= day and (self.last_day is None or day <= self.last_day)


@dataclass(frozen=True)
class Correction:
    """A provider's adjustment of free places for some weekdays during a period (inclusive)."""

    correction_id: str
    weekdays: frozenset[Weekday]
    places_delta: int
    valid_from: date
    valid_until: date | None = None

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class DayFigures:
    """The figures of one weekday as of one date: every part visible, nothing hidden."""

    day: date
    weekday: Weekday
    licensed: int
    allocated: int
    corrected: int
    free: int

    @property
    def overbooked(self) -> bool:
        return self.licensed - self.allocated + self.corrected < 0


def days_of(pattern: CarePattern) -> dict[Weekday, DayPart]:
    """Per weekday the part taken; both halves (or a full day) of one weekday make a full day."""
    parts: dict[Weekday, set[DayPart]] = {}
    for care_day in pattern.days:
        parts.setdefault(care_day.weekday, set()).add(care_day.part)
    result: dict[Weekday, DayPart] = {}
    for weekday, found in parts.items():
        whole = DayPart.FULL in found or {DayPart.MORNING, DayPart.AFTERNOON} <= found
        result[weekday] = DayPart.FULL if whole else next(iter(found))
    return result


def occupied(day: date, weekday: Weekday, occupations: Iterable[Occupation]) -> int:
    full = morning = afternoon = 0
    for occupation in occupations:
        part = occupation.days.get(weekday)
        if part is None or not occupation.runs_on(day):
            continue
        if part is DayPart.FULL:
            full += 1
        elif part is DayPart.MORNING:
            morning += 1
        else:
            afternoon += 1
    return full + max(morning, afternoon)


def figures_on(
    day: date, weekday: Weekday, capacity: Mapping[Weekday, int], occupations: Iterable[Occupation],
    corrections: Iterable[Correction],
) -> DayFigures:
    licensed = capacity.get(weekday, 0)
    allocated = occupied(day, weekday, occupations)
    corrected = sum(c.places_delta for c in corrections if weekday in c.weekdays and c.applies_on(day))
    free = max(0, min(licensed, licensed - allocated + corrected))
    return DayFigures(day, weekday, licensed, allocated, corrected, free)


def change_points(after: date, occupations: Iterable[Occupation], corrections: Iterable[Correction]) -> list[date]:
    """Dates after *after* on which some figure may change, in order."""
    points: set[date] = set()
    for occupation in occupations:
        points.add(occupation.start)
        if occupation.last_day is not None:
            points.add(occupation.last_day + timedelta(days=1))
    for correction in corrections:
        points.add(correction.valid_from)
        if correction.valid_until is not None:
            points.add(correction.valid_until + timedelta(days=1))
    return sorted(point for point in points if point > after)


class FreePlaces:
    """The derivation for one location: figures on a date, lasting figures, a timeline."""

    def __init__(
        self, capacity: Mapping[Weekday, int], occupations: Iterable[Occupation] = (),
        corrections: Iterable[Correction] = (),
    ) -> None:
        self.capacity = dict(capacity)
        self.occupations = tuple(occupations)
        self.corrections = tuple(corrections)

    @property
    def weekdays(self) -> tuple[Weekday, ...]:
        return tuple(day for day in Weekday if self.capacity.get(day, 0) > 0)

    def on(self, day: date, weekday: Weekday) -> DayFigures:
        return figures_on(day, weekday, self.capacity, self.occupations, self.corrections)

    def lasting(self, day: date, weekday: Weekday) -> int:
        """Places free on *day* that stay free on every later date (what a new child needs)."""
        dates = [day, *change_points(day, self.occupations, self.corrections)]
        return min(self.on(moment, weekday).free for moment in dates)

    def timeline(self, start: date, until: date | None = None) -> list[DayFigures]:
        """Figures per weekday at *start* and at every later change (up to *until*), changes only."""
        dates = [start, *change_points(start, self.occupations, self.corrections)]
        result: list[DayFigures] = []
        last: dict[Weekday, tuple[int, int, int]] = {}
        for moment in dates:
            if until is not None and moment > until:
                break
            for weekday in self.weekdays:
                figures = self.on(moment, weekday)
                key = (figures.allocated, figures.corrected, figures.free)
                if last.get(weekday) != key:
                    result.append(figures)
                    last[weekday] = key
        return result

    def has_lasting_place(self, day: date, weekdays: Iterable[Weekday]) -> bool:
        wanted = tuple(weekdays) or self.weekdays
        return bool(wanted) and all(self.lasting(day, weekday) > 0 for weekday in wanted)
