"""The input of an allocation round, in plain indexed form so that the algorithm stays fast.

Children are numbered in the desk's base order (priority score, registration time, lottery
ticket), so numbering, processing order and results never depend on the order rows came in.
Siblings who must be placed together form one *item*; every other child is an item of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from services.matching.domain.slots import SLOT_COUNT, Slots

Demand = tuple[tuple[int, int], ...]  # (slot, places) pairs


@dataclass
class RoundChild:
    request_id: str
    slots: Slots
    prefs: tuple[int, ...]  # location indices, best first, only locations that can care for the child
    vulnerable: bool = False
    excluded: str | None = None  # why prefs is empty, when the builder knows


@dataclass
class RoundLocation:
    location_id: str
    provider_id: str
    capacity: list[int]  # free places per slot for the round's start


@dataclass
class RoundInstance:
    children: list[RoundChild]  # index = base order (0 is first)
    locations: list[RoundLocation]
    groups: list[tuple[int, ...]] = field(default_factory=list)  # siblings placed together (2+ children)
    quota_percent: list[int] = field(default_factory=list)  # per location; empty means 0 everywhere

    def quota_of(self, location: int) -> int:
        return self.quota_percent[location] if self.quota_percent else 0


def demand_of(slot_lists: list[Slots]) -> Demand:
    counts = [0] * SLOT_COUNT
    for slots in slot_lists:
        for index in slots:
            counts[index] += 1
    return tuple((index, count) for index, count in enumerate(counts) if count)


def fits(capacity: list[int], usage: list[int], demand: Demand) -> bool:
    return all(capacity[s] - usage[s] >= c for s, c in demand)
