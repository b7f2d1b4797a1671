"""In-process caches of what is expensive to rebuild and never changes for a given key.

One set per database (keyed by its URL), so two databases in one process never share entries.
The database stays the only truth: a cache only spares re-parsing location snapshots and policy
versions (immutable per version) and re-summing capacity timelines whose inputs did not change
(the location's version and its ``holds_version``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel.ext.asyncio.session import AsyncSession

from services.matching.domain.capacity import CapacityTimeline
from services.matching.domain.eligibility import LocationFacts
from services.matching.domain.policy import PolicyBook

K = TypeVar("K")
V = TypeVar("V")
LIMIT = 50_000
FactsKey = tuple[str, datetime, str]  # location, its version, its status
TimelineKey = tuple[str, datetime, str, int]  # ... and its holds_version


class Bounded(dict[K, V], Generic[K, V]):
    """A dict that empties itself when it grows past LIMIT (simple, and enough here)."""

    def put(self, key: K, value: V) -> V:
        if len(self) >= LIMIT:
            self.clear()
        self[key] = value
        return value


@dataclass
class Caches:
    facts: Bounded[FactsKey, LocationFacts] = field(default_factory=Bounded)
    timelines: Bounded[TimelineKey, CapacityTimeline] = field(default_factory=Bounded)
    books: dict[str, PolicyBook] = field(default_factory=dict)
    seeds: dict[str, str] = field(default_factory=dict)


_BY_DATABASE: dict[str, Caches] = {}


def caches_of(session: AsyncSession) -> Caches:
    bind = session.bind
    url = str(bind.engine.url if isinstance(bind, AsyncConnection) else bind.url) if bind is not None else ""
    found = _BY_DATABASE.get(url)
    if found is None:
        found = _BY_DATABASE[url] = Caches()
    return found
