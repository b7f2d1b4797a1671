"""Proof that a round's result is feasible and stable, or the list of pairs that block it.

Feasible: no location exceeds its places on any slot, every child gets exactly its own pattern at
a location on its list, siblings who asked to be together are together.
A blocking pair is an item and a location it prefers to its own, where the location would take
it: its pattern fits in the places not used by items the location ranks higher (``waste`` when
it even fits in today's empty places, ``justified_envy`` when a lower-ranked item would have to
make way). With siblings who must stay together, stability can be impossible: a pair where one
sibling alone would be taken is listed as ``sibling_constraint`` and does not count against it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from services.matching.domain.round.instance import RoundInstance, fits
from services.matching.domain.round.items import Item, build_items, location_positions
from services.matching.domain.slots import SLOT_COUNT


@dataclass(frozen=True)
class BlockingPair:
    request_ids: tuple[str, ...]
    location_id: str
    kind: Literal["waste", "justified_envy"]
    sibling_constraint: bool = False


@dataclass
class StabilityReport:
    problems: list[str] = field(default_factory=list)
    blocking: list[BlockingPair] = field(default_factory=list)
    pairs_checked: int = 0

    @property
    def feasible(self) -> bool:
        return not self.problems

    @property
    def stable(self) -> bool:
        return self.feasible and not any(not pair.sibling_constraint for pair in self.blocking)


class _Held:
    """Items a location holds, by rank, with running usage to answer 'used by higher ranks'."""

    def __init__(self, entries: list[tuple[int, Item]]) -> None:
        entries.sort(key=lambda entry: entry[0])
        self.ranks = [rank for rank, _ in entries]
        self.prefix: list[list[int]] = [[0] * SLOT_COUNT]
        for _, item in entries:
            row = list(self.prefix[-1])
            for s, c in item.demand:
                row[s] += c
            self.prefix.append(row)

    def above(self, rank: int) -> list[int]:
        return self.prefix[bisect.bisect_left(self.ranks, rank)]

    def total(self) -> list[int]:
        return self.prefix[-1]


def check(instance: RoundInstance, assignment: dict[int, int]) -> StabilityReport:
    """Check *assignment* (child index -> location index) against *instance*."""
    report = StabilityReport()
    items, _ = build_items(instance)
    item_location = [_item_location(instance, item, assignment, report) for item in items]
    held: list[list[tuple[int, Item]]] = [[] for _ in instance.locations]
    for item, loc in zip(items, item_location, strict=True):
        if loc >= 0:
            held[loc].append((item.ranks[item.prefs.index(loc)], item))
    books = [_Held(entries) for entries in held]
    positions = location_positions(instance) if instance.groups else []
    for loc, book in enumerate(books):
        capacity = instance.locations[loc].capacity
        if any(book.total()[s] > capacity[s] for s in range(SLOT_COUNT)):
            report.problems.append(f"capacity exceeded at {instance.locations[loc].location_id}")
    for item, loc in zip(items, item_location, strict=True):
        better = item.prefs.index(loc) if loc >= 0 else len(item.prefs)
        for k in range(better):
            report.pairs_checked += 1
            pair = _blocks(instance, books, item, item.prefs[k], item.ranks[k])
            if pair:
                report.blocking.append(pair)
        if len(item.members) > 1:
            _sibling_pairs(instance, books, positions, item, loc, report)
    return report


def _item_location(instance: RoundInstance, item: Item, assignment: dict[int, int], report: StabilityReport) -> int:
    places = {assignment.get(m, -1) for m in item.members}
    ids = [instance.children[m].request_id for m in item.members]
    if len(places) > 1:
        report.problems.append(f"siblings split: {ids}")
        return -1
    loc = places.pop()
    if loc >= 0 and loc not in item.prefs:
        report.problems.append(f"placed at a location not on the list (or not for all siblings): {ids}")
        return -1
    return loc


def _blocks(instance: RoundInstance, books: list[_Held], item: Item, loc: int, rank: int) -> BlockingPair | None:
    capacity = instance.locations[loc].capacity
    if not fits(capacity, books[loc].above(rank), item.demand):
        return None
    kind: Literal["waste", "justified_envy"] = (
        "waste" if fits(capacity, books[loc].total(), item.demand) else "justified_envy")
    ids = tuple(instance.children[m].request_id for m in item.members)
    return BlockingPair(ids, instance.locations[loc].location_id, kind)


def _sibling_pairs(instance: RoundInstance, books: list[_Held], positions: list[dict[int, int]], item: Item,
                   loc: int, report: StabilityReport) -> None:
    for member in item.members:
        child = instance.children[member]
        better = child.prefs.index(loc) if loc in child.prefs else len(child.prefs)
        for target in child.prefs[:better]:
            solo = Item((member,), tuple((s, 1) for s in child.slots), (target,), (positions[target][member],))
            pair = _blocks(instance, books, solo, target, positions[target][member])
            if pair:
                report.blocking.append(BlockingPair(pair.request_ids, pair.location_id, pair.kind, True))
