"""Child-proposing deferred acceptance over per-slot capacity.

Each item (a child, or siblings placed together) proposes to the best location on its list
that would take it now. A location holds items tentatively, in its own order, and takes an item
when the item's whole care pattern fits in the places not used by items it ranks higher; items
it ranks lower that no longer fit are displaced and propose again. The care pattern is never cut
down: an item gets every slot it asked for, or nothing there.

Because patterns differ in days, a place freed by a displacement or a departure can make room
for an item that was turned away earlier; such items are woken and propose again to the
locations that woke them (deferred acceptance with re-proposal). When the queue runs dry no item
has a location it prefers that would take it: no blocking pair at item level, which
``stability.check`` proves independently. Items are processed in the order most locations rank
them, so when every location ranks alike the first pass is final.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from services.matching.domain.priority import interleave
from services.matching.domain.round.holding import Holding, vector
from services.matching.domain.round.instance import RoundInstance
from services.matching.domain.round.items import Item, build_items

FULL_SCAN = None


@dataclass
class RoundOutcome:
    assignment: dict[int, int]  # child index -> location index
    items: list[Item]
    item_of: list[int]
    item_location: list[int]  # item index -> location index or -1
    converged: bool
    proposals: int


class _Round:
    def __init__(self, instance: RoundInstance) -> None:
        self.items, self.item_of = build_items(instance)
        self.places = [Holding(list(loc.capacity)) for loc in instance.locations]
        self.location_of = [-1] * len(self.items)
        self.choice_of = [len(item.prefs) for item in self.items]  # index in prefs of where it is
        self.pref_index = [{loc: k for k, loc in enumerate(item.prefs)} for item in self.items]
        self.queue: deque[int] = deque(processing_order(instance, self.item_of))
        self.todo: list[set[int] | None] = [FULL_SCAN] * len(self.items)  # locations to try again
        self.queued = [True] * len(self.items)
        self.proposals = 0

    def enqueue(self, index: int, location: int | None) -> None:
        if location is None:
            self.todo[index] = FULL_SCAN
        elif self.queued[index]:
            pending = self.todo[index]
            if pending is not None:
                pending.add(location)
        else:
            self.todo[index] = {location}
        if not self.queued[index]:
            self.queued[index] = True
            self.queue.append(index)

    def run(self, limit: int) -> None:
        while self.queue and self.proposals < limit:
            index = self.queue.popleft()
            self.queued[index] = False
            pending, self.todo[index] = self.todo[index], FULL_SCAN
            current = self.choice_of[index]
            choices: range | list[int]
            if pending is None:
                choices = range(current)
            else:
                choices = sorted(k for k in (self.pref_index[index][loc] for loc in pending) if k < current)
            for k in choices:
                self.proposals += 1
                if self.propose(index, k):
                    break

    def propose(self, index: int, k: int) -> bool:
        item = self.items[index]
        loc, rank = item.prefs[k], item.ranks[k]
        place = self.places[loc]
        if not place.accepts(self.items, item, rank):
            place.interested[index] = rank
            return False
        if self.location_of[index] >= 0:
            self.leave(index)
        displaced = place.take(self.items, index, rank)
        self.location_of[index], self.choice_of[index] = loc, k
        place.interested.pop(index, None)
        if displaced:
            freed = [(rank, vector(item, 1))]
            for out_rank, out in displaced:
                self.location_of[out], self.choice_of[out] = -1, len(self.items[out].prefs)
                freed.append((out_rank, vector(self.items[out], -1)))
                self.enqueue(out, FULL_SCAN)
            for waiting in place.woken_by(self.items, freed):
                self.enqueue(waiting, loc)
        return True

    def leave(self, index: int) -> None:
        loc, item = self.location_of[index], self.items[index]
        rank = item.ranks[self.choice_of[index]]
        self.places[loc].release(self.items, index, rank)
        self.location_of[index], self.choice_of[index] = -1, len(item.prefs)
        for waiting in self.places[loc].woken_by(self.items, [(rank, vector(item, -1))]):
            self.enqueue(waiting, loc)


def processing_order(instance: RoundInstance, item_of: list[int]) -> list[int]:
    """Items in the order most locations will rank them: the base order with the quota applied
    to everyone at once. Any order gives the same guarantees; this one makes displacements rare."""
    quota = max(instance.quota_percent, default=0)
    vulnerable = [child.vulnerable for child in instance.children]
    merged = interleave(range(len(instance.children)), vulnerable.__getitem__, quota)
    return list(dict.fromkeys(item_of[child] for child, _ in merged))


def run_round(instance: RoundInstance, *, max_proposals: int | None = None) -> RoundOutcome:
    state = _Round(instance)
    state.run(max_proposals if max_proposals is not None else 50 * len(state.items) + 1000)
    items, location_of = state.items, state.location_of
    assignment = {m: location_of[i] for i, item in enumerate(items) if location_of[i] >= 0 for m in item.members}
    return RoundOutcome(assignment, items, state.item_of, location_of, not state.queue, state.proposals)
