"""Hypothesis strategies: small allocation rounds with varied patterns, lists, siblings, quotas."""

from __future__ import annotations

from hypothesis import strategies as st

from services.matching.domain.round.instance import RoundChild, RoundInstance, RoundLocation
from services.matching.domain.slots import SLOT_COUNT

WORKDAY_SLOTS = list(range(10))  # monday morning .. friday afternoon


@st.composite
def patterns(draw: st.DrawFn) -> tuple[int, ...]:
    days = draw(st.sets(st.integers(0, 4), min_size=1, max_size=5))
    slots: set[int] = set()
    for day in days:
        part = draw(st.sampled_from(("full", "full", "morning", "afternoon")))
        if part in ("full", "morning"):
            slots.add(day * 2)
        if part in ("full", "afternoon"):
            slots.add(day * 2 + 1)
    return tuple(sorted(slots))


@st.composite
def instances(draw: st.DrawFn, *, siblings: bool = True, quota: bool = True) -> RoundInstance:
    n_locations = draw(st.integers(1, 5))
    locations = []
    for index in range(n_locations):
        per_day = draw(st.lists(st.integers(0, 3), min_size=5, max_size=5))
        capacity = [0] * SLOT_COUNT
        for day, places in enumerate(per_day):
            capacity[day * 2] = capacity[day * 2 + 1] = places
        locations.append(RoundLocation(f"loc-{index}", f"prov-{index % 2}", capacity))
    n_children = draw(st.integers(1, 14))
    children = []
    for index in range(n_children):
        prefs = draw(st.permutations(range(n_locations)))
        length = draw(st.integers(0, n_locations))
        children.append(RoundChild(f"req-{index:02d}", draw(patterns()), tuple(prefs[:length]),
                                   vulnerable=draw(st.booleans())))
    groups: list[tuple[int, ...]] = []
    if siblings and n_children >= 2:
        pool = list(range(n_children))
        for _ in range(draw(st.integers(0, n_children // 2))):
            if len(pool) < 2:
                break
            members = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=3, unique=True))
            if all(m in pool for m in members):
                groups.append(tuple(sorted(members)))
                pool = [p for p in pool if p not in members]
    percent = draw(st.sampled_from((0, 20, 50))) if quota else 0
    return RoundInstance(children, locations, groups, [percent] * n_locations if percent else [])
