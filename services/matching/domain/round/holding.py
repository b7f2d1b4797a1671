"""What one location holds during a round, and how it decides to take or turn away an item.

A location ranks items strictly; it takes an item when the item's whole demand fits in the
places not used by items ranked above it, and then lets go of lower-ranked items that no
longer fit (greedy in rank order). The held set therefore always equals the greedy choice.
"""

from __future__ import annotations

import bisect

from services.matching.domain.round.instance import fits
from services.matching.domain.round.items import Item
from services.matching.domain.slots import SLOT_COUNT


class Holding:
    __slots__ = ("capacity", "held", "interested", "usage")

    def __init__(self, capacity: list[int]) -> None:
        self.capacity = capacity
        self.usage = [0] * SLOT_COUNT
        self.held: list[tuple[int, int]] = []  # (rank, item), best rank first
        self.interested: dict[int, int] = {}  # item turned away here -> its rank here

    def accepts(self, items: list[Item], item: Item, rank: int) -> bool:
        """Does the item fit beside the items ranked above it?"""
        capacity, usage, held = self.capacity, self.usage, self.held
        for s, c in item.demand:
            if capacity[s] - usage[s] < c:
                break
        else:
            return True  # fits beside everything held
        if not held or held[-1][0] < rank:
            return False  # everything held ranks above it
        free = {s: capacity[s] - usage[s] for s, _ in item.demand}
        for position in range(len(held) - 1, -1, -1):  # give back what lower-ranked items use
            held_rank, other = held[position]
            if held_rank < rank:
                break
            for s, c in items[other].demand:
                if s in free:
                    free[s] += c
        return all(free[s] >= c for s, c in item.demand)

    def take(self, items: list[Item], index: int, rank: int) -> list[tuple[int, int]]:
        """Hold the item; return (rank, item) of lower-ranked items that no longer fit."""
        demand = items[index].demand
        bisect.insort(self.held, (rank, index))
        if fits(self.capacity, self.usage, demand):
            for s, c in demand:
                self.usage[s] += c
            return []
        usage = [0] * SLOT_COUNT
        kept: list[tuple[int, int]] = []
        displaced: list[tuple[int, int]] = []
        for entry in self.held:
            need = items[entry[1]].demand
            if fits(self.capacity, usage, need):
                for s, c in need:
                    usage[s] += c
                kept.append(entry)
            else:
                displaced.append(entry)
        self.held, self.usage = kept, usage
        return displaced

    def release(self, items: list[Item], index: int, rank: int) -> None:
        self.held.remove((rank, index))
        for s, c in items[index].demand:
            self.usage[s] -= c

    def woken_by(self, items: list[Item], freed: list[tuple[int, list[int]]]) -> list[int]:
        """Items turned away here that may fit now, removed from the waiting list.

        *freed*: (rank, change per slot) of what changed; an item at rank r sees every change
        ranked above it, and can only fit now if a slot it needs got a net decrease.
        """
        woken = []
        for waiting, rank in self.interested.items():
            seen = [delta for freed_rank, delta in freed if freed_rank < rank]
            if seen and any(sum(delta[s] for delta in seen) < 0 for s, _ in items[waiting].demand):
                woken.append(waiting)
        for waiting in woken:
            del self.interested[waiting]
        return sorted(woken)


def vector(item: Item, sign: int) -> list[int]:
    change = [0] * SLOT_COUNT
    for s, c in item.demand:
        change[s] = sign * c
    return change
