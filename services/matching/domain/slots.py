"""Care patterns as capacity slots: each weekday has a morning and an afternoon half.

A full day uses both halves of its weekday, a half day one. Capacity is counted per slot, so two
half-day children (morning and afternoon) can share one licensed place, and a pattern is never
"partly" placed: either every slot it needs is free, or it does not fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from contracts.types import CarePattern, DayPart, Weekday

WEEKDAYS: tuple[Weekday, ...] = tuple(Weekday)
SLOT_COUNT = 2 * len(WEEKDAYS)
Slots = tuple[int, ...]


def slot(weekday: Weekday, half: int) -> int:
    return WEEKDAYS.index(weekday) * 2 + half


def slots_of(pattern: CarePattern) -> Slots:
    """The sorted, distinct slots a care pattern needs."""
    used: set[int] = set()
    for day in pattern.days:
        if day.part in (DayPart.FULL, DayPart.MORNING):
            used.add(slot(day.weekday, 0))
        if day.part in (DayPart.FULL, DayPart.AFTERNOON):
            used.add(slot(day.weekday, 1))
    return tuple(sorted(used))


def weekday_of(slot_index: int) -> Weekday:
    return WEEKDAYS[slot_index // 2]


def capacity_vector(per_weekday: Mapping[Weekday, int] | Mapping[str, int]) -> list[int]:
    """Licensed places per weekday as places per slot (both halves of a day)."""
    vector = [0] * SLOT_COUNT
    for day, places in per_weekday.items():
        weekday = Weekday(day)
        vector[slot(weekday, 0)] = int(places)
        vector[slot(weekday, 1)] = int(places)
    return vector


def weekday_slots(weekdays: Iterable[Weekday]) -> Slots:
    return tuple(sorted({slot(day, half) for day in weekdays for half in (0, 1)}))


def is_subset(offered: CarePattern, asked: CarePattern) -> bool:
    """True when every slot of *offered* was asked for (the family gets nothing it did not ask)."""
    return set(slots_of(offered)) <= set(slots_of(asked))
