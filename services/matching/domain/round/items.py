"""Turn children into items (single children, or siblings to be placed together) with, per
item, its preference list, its demand per slot and its rank at each location it lists.

A location ranks children by the desk's base order with the vulnerable-family quota interleaved
over the children that list it; a sibling group ranks as its best-ranked member.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.matching.domain.priority import interleave
from services.matching.domain.round.instance import Demand, RoundInstance, demand_of


@dataclass
class Item:
    members: tuple[int, ...]
    demand: Demand
    prefs: tuple[int, ...]
    ranks: tuple[int, ...]  # rank at prefs[k] (lower is better)


def location_positions(instance: RoundInstance) -> list[dict[int, int]]:
    """Per location: child index -> position in that location's order."""
    applicants: list[list[int]] = [[] for _ in instance.locations]
    for index, child in enumerate(instance.children):
        for loc in child.prefs:
            applicants[loc].append(index)
    vulnerable = [child.vulnerable for child in instance.children]
    positions: list[dict[int, int]] = []
    for loc, listed in enumerate(applicants):
        # children are numbered in base order, so *listed* is already in base order
        merged = interleave(listed, vulnerable.__getitem__, instance.quota_of(loc))
        positions.append({child: pos for pos, (child, _) in enumerate(merged)})
    return positions


def build_items(instance: RoundInstance) -> tuple[list[Item], list[int]]:
    """The items, and for each child the index of its item."""
    positions = location_positions(instance)
    grouped = {child for group in instance.groups for child in group}
    members_list = [tuple(sorted(group)) for group in instance.groups]
    members_list += [(index,) for index in range(len(instance.children)) if index not in grouped]
    members_list.sort(key=lambda members: members[0])
    items: list[Item] = []
    item_of = [0] * len(instance.children)
    for members in members_list:
        lead = instance.children[members[0]]
        if len(members) == 1:
            prefs = lead.prefs
            ranks = tuple(positions[loc][members[0]] for loc in prefs)
        else:
            common = set(lead.prefs).intersection(*(instance.children[m].prefs for m in members[1:]))
            prefs = tuple(loc for loc in lead.prefs if loc in common)
            ranks = tuple(min(positions[loc][m] for m in members) for loc in prefs)
        demand = demand_of([instance.children[m].slots for m in members])
        for member in members:
            item_of[member] = len(items)
        items.append(Item(members, demand, prefs, ranks))
    return items, item_of
