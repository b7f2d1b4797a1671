"""Build a round's instance from what matching knows: open requests and locations' free places.

Each child's list is the family's preferences turned into an order of locations that can care for
it at the round's start (hard constraints, without capacity, which the round itself handles):
a ranked list keeps its order (cut at the desk's maximum); "within N km" and "in these
municipalities" are ordered by distance from home. Lists depend only on (home, preferences), so
they are computed once per distinct preference and shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from contracts import municipalities
from contracts.events.intake import RequestSnapshot
from contracts.types import PreferenceMode
from services.matching.domain.eligibility import LocationFacts, hard_failures
from services.matching.domain.round.instance import RoundChild, RoundInstance, RoundLocation
from services.matching.domain.slots import slots_of


@dataclass(frozen=True)
class RoundRequest:
    snapshot: RequestSnapshot
    score: int
    ticket: int
    vulnerable: bool = False  # counts for the quota (vulnerable, and the quota existed at registration)

    @property
    def key(self) -> tuple[int, object, int, str]:
        return (-self.score, self.snapshot.registered_at, self.ticket, self.snapshot.request_id)


class _Candidates:
    """Locations a preference points at, best first, before the child's own constraints."""

    CELL = 0.05  # degrees: about 5.5 km north-south, 3.5 km east-west in Flanders

    def __init__(self, locations: Sequence[LocationFacts], max_preferences: int) -> None:
        self.locations = locations
        self.index = {loc.location_id: i for i, loc in enumerate(locations)}
        self.max_preferences = max_preferences
        self.by_nis: dict[str, list[int]] = {}
        self.grid: dict[tuple[int, int], list[int]] = {}
        for i, loc in enumerate(locations):
            self.by_nis.setdefault(loc.nis_code, []).append(i)
            self.grid.setdefault(self._cell(loc.latitude, loc.longitude), []).append(i)
        self._cache: dict[tuple[object, ...], tuple[int, ...]] = {}

    def _cell(self, latitude: float, longitude: float) -> tuple[int, int]:
        return int(latitude // self.CELL), int(longitude // self.CELL)

    def of(self, snapshot: RequestSnapshot) -> tuple[int, ...]:
        prefs = snapshot.preferences
        if prefs.mode is PreferenceMode.RANKED or prefs.location_ids:
            ranked = prefs.location_ids[:self.max_preferences]
            return tuple(self.index[i] for i in ranked if i in self.index)
        key = (prefs.mode, snapshot.home_nis, prefs.max_distance_km, prefs.nis_codes)
        if key not in self._cache:
            self._cache[key] = self._by_distance(snapshot)
        return self._cache[key]

    def _near(self, latitude: float, longitude: float, km: float) -> list[int]:
        reach = int(km / 3.5) + 1
        row, col = self._cell(latitude, longitude)
        found: list[int] = []
        for r in range(row - reach, row + reach + 1):
            for c in range(col - reach, col + reach + 1):
                found += self.grid.get((r, c), ())
        return found

    def _by_distance(self, snapshot: RequestSnapshot) -> tuple[int, ...]:
        prefs = snapshot.preferences
        home = municipalities.get(snapshot.home_nis)
        if home is None:
            return ()
        if prefs.mode is PreferenceMode.DISTANCE:
            limit = prefs.max_distance_km or 0.0
            pool = self._near(home.latitude, home.longitude, limit)
        else:
            limit = float("inf")
            pool = [i for nis in prefs.nis_codes for i in self.by_nis.get(nis, ())]
        found: list[tuple[float, str, int]] = []
        for i in pool:
            loc = self.locations[i]
            km = municipalities.distance_km(home.latitude, home.longitude, loc.latitude, loc.longitude)
            if km <= limit:
                found.append((km, loc.location_id, i))
        found.sort()
        return tuple(i for _, _, i in found)


def sibling_groups(requests: Sequence[RoundRequest], number: dict[str, int]) -> list[tuple[int, ...]]:
    """Children of one family that asked to be placed together (connected through their links)."""
    parent = list(range(len(requests)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for request in requests:
        snap = request.snapshot
        if not snap.place_siblings_together:
            continue
        for other in snap.sibling_request_ids:
            if other in number:
                a, b = root(number[snap.request_id]), root(number[other])
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(requests)):
        groups.setdefault(root(i), []).append(i)
    return [tuple(sorted(g)) for g in groups.values() if len(g) > 1]


def build_instance(
    requests: Sequence[RoundRequest], locations: Sequence[tuple[LocationFacts, list[int]]], *,
    start_on: date, max_preferences: int, quota_percent: int = 0,
) -> tuple[RoundInstance, list[date]]:
    """The instance, and each child's start date (its wanted start, or the round's if later)."""
    ordered = sorted(requests, key=lambda r: r.key)
    places = sorted(locations, key=lambda entry: entry[0].location_id)
    facts = [entry[0] for entry in places]
    candidates = _Candidates(facts, max_preferences)
    children: list[RoundChild] = []
    starts: list[date] = []
    for request in ordered:
        snap = request.snapshot
        start = max(snap.wanted_start_date, start_on)
        listed = candidates.of(snap)
        prefs = tuple(i for i in listed if not hard_failures(snap, facts[i], None, start=start, check_capacity=False))
        excluded = None if prefs else ("no_fitting_location" if listed else "no_locations_in_preferences")
        children.append(RoundChild(snap.request_id, slots_of(snap.care_pattern), prefs, request.vulnerable,
                                   excluded))
        starts.append(start)
    number = {r.snapshot.request_id: i for i, r in enumerate(ordered)}
    instance = RoundInstance(
        children=children,
        locations=[RoundLocation(f.location_id, f.provider_id, list(cap)) for f, cap in places],
        groups=sibling_groups(ordered, number),
        quota_percent=[quota_percent] * len(places) if quota_percent else [],
    )
    return instance, starts
