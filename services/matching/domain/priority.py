"""The order in which a location considers requests (issue 5, part 2).

1. priority score under the rules in force at the request's registration (sum of the weights of
   the priority groups the family declared: work-related need, single parent, low income, foster
   child, sibling present);
2. registration time (first come, first served);
3. a recorded lottery: ``ticket = first 16 hex digits of sha256(seed ":" request_id)``. The seed
   is drawn once per desk and shown to the desk, so anyone can recompute every ticket: the order
   is provably neutral.

On top of that order a quota for vulnerable families: among the first k places of a ranking at
least round(k x quota%) go to vulnerable families, as long as there are any left.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

T = TypeVar("T")


def lottery_ticket(seed: str, request_id: str) -> int:
    """The request's lottery number under *seed* (64 bits; lower wins a tie)."""
    return int(hashlib.sha256(f"{seed}:{request_id}".encode()).hexdigest()[:16], 16)


@dataclass(frozen=True)
class RankEntry:
    """A request as a ranking sees it: no personal data, only what orders it."""

    request_id: str
    score: int
    registered_at: datetime
    ticket: int
    vulnerable: bool = False

    @property
    def key(self) -> tuple[int, datetime, int, str]:
        return (-self.score, self.registered_at, self.ticket, self.request_id)


@dataclass(frozen=True)
class Ranked:
    position: int
    entry: RankEntry
    by_quota: bool


def quota_required(position: int, quota_percent: int) -> int:
    """How many of the first *position* places the quota reserves (rounded half up)."""
    return (position * quota_percent + 50) // 100


def interleave(ordered: Sequence[T], vulnerable: Callable[[T], bool], quota_percent: int) -> list[tuple[T, bool]]:
    """Merge *ordered* (best first) so the quota holds at every prefix; True marks a quota pick."""
    if quota_percent <= 0:
        return [(item, False) for item in ordered]
    flags = [vulnerable(item) for item in ordered]
    queue_v = [item for item, flag in zip(ordered, flags, strict=True) if flag]
    if not queue_v:
        return [(item, False) for item in ordered]
    result: list[tuple[T, bool]] = []
    taken = 0  # vulnerable items placed so far (they are always the first *taken* of queue_v)
    for item, flag in zip(ordered, flags, strict=True):
        if flag:
            if taken < len(queue_v) and queue_v[taken] is item:
                taken += 1
                result.append((item, False))
            continue
        # same as taken < quota_required(len(result) + 1, quota_percent), without a call per item
        while taken < len(queue_v) and taken * 100 < (len(result) + 1) * quota_percent - 49:
            result.append((queue_v[taken], True))
            taken += 1
        result.append((item, False))
    return result


def rank(entries: Sequence[RankEntry], quota_percent: int = 0) -> list[Ranked]:
    """The location's order of *entries*: priority, registration, lottery, then the quota."""
    ordered = sorted(entries, key=lambda e: e.key)
    merged = interleave(ordered, lambda e: e.vulnerable, quota_percent)
    return [Ranked(index + 1, entry, by_quota) for index, (entry, by_quota) in enumerate(merged)]
