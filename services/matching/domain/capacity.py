"""Free places are derived, never typed: licensed capacity per slot, plus the provider's
corrections, minus allocations and pending proposals over time (SPEC section 3).

An allocation holds its slots from its start until the child ages out of the location; a pending
proposal reserves its slots the same way until the family answers. ``free_from(day)`` is the
number of places that stay free from *day* on, for good — what a new, open-ended place needs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from services.matching.domain.slots import SLOT_COUNT, Slots

FAR_PAST = date(1900, 1, 1)


@dataclass(frozen=True)
class Occupation:
    """Slots held by an allocation or a pending proposal, from start until end (exclusive)."""

    slots: Slots
    start: date
    end: date | None = None


@dataclass(frozen=True)
class Correction:
    """A provider's correction of places on some slots, valid_until inclusive."""

    slots: Slots
    delta: int
    valid_from: date
    valid_until: date | None = None


class CapacityTimeline:
    """Free places per slot as a step function of time, with suffix minima for 'from now on'."""

    def __init__(self, licensed: Sequence[int], corrections: Iterable[Correction] = (),
                 occupations: Iterable[Occupation] = ()) -> None:
        steps: dict[tuple[date, Slots], int] = {}  # identical holds add up before touching vectors
        for correction in corrections:
            key = (correction.valid_from, correction.slots)
            steps[key] = steps.get(key, 0) + correction.delta
            if correction.valid_until is not None:
                key = (correction.valid_until + timedelta(days=1), correction.slots)
                steps[key] = steps.get(key, 0) - correction.delta
        for held in occupations:
            key = (held.start, held.slots)
            steps[key] = steps.get(key, 0) - 1
            if held.end is not None:
                key = (held.end, held.slots)
                steps[key] = steps.get(key, 0) + 1
        changes: dict[date, list[int]] = {}
        for (day, slots), amount in steps.items():
            vector = changes.get(day)
            if vector is None:
                vector = changes[day] = [0] * SLOT_COUNT
            for index in slots:
                vector[index] += amount
        self.points: list[date] = [FAR_PAST, *sorted(changes)]
        current = list(licensed)
        self.values: list[list[int]] = [list(current)]
        for day in self.points[1:]:
            current = [a + b for a, b in zip(current, changes[day], strict=True)]
            self.values.append(list(current))
        suffix = list(self.values[-1])
        self.suffix_min: list[list[int]] = [suffix]
        for values in reversed(self.values[:-1]):
            suffix = [min(a, b) for a, b in zip(values, suffix, strict=True)]
            self.suffix_min.append(suffix)
        self.suffix_min.reverse()

    def _index(self, day: date) -> int:
        return bisect.bisect_right(self.points, day) - 1

    def free_on(self, day: date) -> list[int]:
        return list(self.values[self._index(day)])

    def free_from(self, day: date) -> list[int]:
        """Places free on *day* and every day after it (an open-ended place needs exactly this)."""
        return list(self.suffix_min[self._index(day)])

    def fits_from(self, day: date, slots: Slots, places: int = 1) -> bool:
        free = self.suffix_min[self._index(day)]
        return all(free[index] >= places for index in slots)

    def first_fit(self, slots: Slots, start: date, until: date | None = None) -> date | None:
        """The first day on or after *start* (and before *until*) from which *slots* stay free."""
        if self.fits_from(start, slots):
            return start
        for day in self.points[self._index(start) + 1:]:
            if until is not None and day >= until:
                return None
            if self.fits_from(day, slots):
                return day
        return None
