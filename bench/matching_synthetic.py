"""A synthetic Flanders: locations, free places and open requests with realistic preferences.

Sizes default to the Flemish order of magnitude (about 5,700 locations, 93,000 licensed places,
30,000 open requests). Locations sit around the 2025 municipalities' centres (some municipalities
far busier than others); families rank a few locations near home (popular ones more often), or
ask "within N km" or "in these municipalities". About 2% of the children are twins to be placed
together. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from contracts import municipalities
from contracts.events.intake import RequestSnapshot
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, DayPart, Preferences, Weekday
from services.matching.domain.eligibility import LocationFacts
from services.matching.domain.priority import lottery_ticket
from services.matching.domain.round.build import RoundRequest
from services.matching.domain.slots import SLOT_COUNT

WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
CODES = ("work_related", "single_parent", "low_income", "foster_child", "sibling_present")
WEIGHTS = {"work_related": 10, "single_parent": 15, "low_income": 20, "foster_child": 30, "sibling_present": 20}
Near = dict[str, list[municipalities.Municipality]]


@dataclass
class Synthetic:
    locations: list[tuple[LocationFacts, list[int]]]
    requests: list[RoundRequest]
    licensed_places: int
    free_places: int  # free on an average weekday at the round's start


def _uid(rnd: random.Random) -> str:
    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))


def _location(rnd: random.Random, nis: str, lat: float, lon: float) -> tuple[LocationFacts, int]:
    family = rnd.random() < 0.6
    places = rnd.randint(4, 9) if family else rnd.randint(14, 46)
    licensed = [0] * SLOT_COUNT
    for day in range(5):
        licensed[2 * day] = licensed[2 * day + 1] = places
    facts = LocationFacts(
        location_id=_uid(rnd), provider_id=f"provider-{rnd.randint(0, 3000)}", nis_code=nis,
        latitude=lat + rnd.uniform(-0.03, 0.03), longitude=lon + rnd.uniform(-0.045, 0.045),
        age_min_months=0, age_max_months=36, atypical_hours=rnd.random() < 0.08, ikt=rnd.random() < 0.7,
        specific_care=rnd.random() < 0.1, active=True, licensed=tuple(licensed),
    )
    return facts, places


def _pattern(rnd: random.Random) -> CarePattern:
    roll = rnd.random()
    if roll < 0.9:
        count = 5 if roll < 0.45 else 4 if roll < 0.7 else 3
        days = sorted(rnd.sample(WORKDAYS, count), key=WORKDAYS.index)
        return CarePattern(days=tuple(CareDay(weekday=d) for d in days))
    picked = sorted(rnd.sample(WORKDAYS, rnd.randint(2, 5)), key=WORKDAYS.index)
    return CarePattern(days=tuple(CareDay(weekday=d, part=rnd.choice((DayPart.MORNING, DayPart.AFTERNOON)))
                                  for d in picked))


def generate(*, n_locations: int = 5700, n_requests: int = 30000, free_share: float = 0.3, seed: int = 7,
             region: str | None = None, start_on: date = date(2027, 9, 1)) -> Synthetic:
    rnd = random.Random(seed)
    munis = [m for m in municipalities.all_municipalities().values() if m.region == "Vlaanderen"]
    if region:
        munis = [m for m in munis if m.arrondissement_nl == region]
    weights = [rnd.paretovariate(1.5) for _ in munis]
    locations: list[tuple[LocationFacts, list[int]]] = []
    licensed_total = free_total = 0
    by_nis: dict[str, list[LocationFacts]] = {}
    popularity: dict[str, float] = {}
    for muni in rnd.choices(munis, weights=weights, k=n_locations):
        facts, places = _location(rnd, muni.nis_code, muni.latitude, muni.longitude)
        free = [0] * SLOT_COUNT
        for s in range(10):
            free[s] = sum(1 for _ in range(places) if rnd.random() < free_share)
        locations.append((facts, free))
        licensed_total += places
        free_total += sum(free[0:10:2]) // 5
        by_nis.setdefault(muni.nis_code, []).append(facts)
        popularity[facts.location_id] = rnd.paretovariate(1.2)
    near: Near = {m.nis_code: [n for n in munis if municipalities.distance_km(
        m.latitude, m.longitude, n.latitude, n.longitude) < 12] for m in munis}
    homes = rnd.choices(munis, weights=weights, k=n_requests)
    requests = [_request(rnd, home, near, by_nis, popularity, start_on) for home in homes]
    _link_twins(requests)
    return Synthetic(locations, requests, licensed_total, free_total)


def _preferences(rnd: random.Random, home: municipalities.Municipality, near: Near,
                 by_nis: dict[str, list[LocationFacts]], popularity: dict[str, float]) -> Preferences:
    roll = rnd.random()
    nearby = [loc for m in near[home.nis_code] for loc in by_nis.get(m.nis_code, ())]
    if roll < 0.7 and nearby:
        k = min(len(nearby), rnd.randint(3, 8))
        drawn = rnd.choices(nearby, weights=[popularity[p.location_id] for p in nearby], k=4 * k)
        return Preferences(mode="ranked", location_ids=tuple(dict.fromkeys(p.location_id for p in drawn))[:k])
    if roll < 0.9:
        return Preferences(mode="distance", max_distance_km=rnd.choice((2.0, 3.0, 5.0, 8.0)))
    others = rnd.sample(near[home.nis_code], min(2, len(near[home.nis_code])))
    codes = dict.fromkeys([home.nis_code, *(m.nis_code for m in others)])
    return Preferences(mode="municipalities", nis_codes=tuple(codes))


def _request(rnd: random.Random, home: municipalities.Municipality, near: Near,
             by_nis: dict[str, list[LocationFacts]], popularity: dict[str, float], start_on: date) -> RoundRequest:
    prefs = _preferences(rnd, home, near, by_nis, popularity)
    wanted = start_on - timedelta(days=rnd.randint(0, 60))
    birth = wanted - timedelta(days=rnd.randint(90, 500))
    vulnerable = rnd.random() < 0.15
    codes_held = tuple(c for c in CODES if rnd.random() < 0.15)
    registered = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rnd.randint(0, 500_000))
    snapshot = RequestSnapshot(
        request_id=_uid(rnd), desk_id="bench-desk", family_ref=_uid(rnd), home_nis=home.nis_code,
        in_working_area=True, child_birth_date=birth, wanted_start_date=wanted, original_wanted_start_date=wanted,
        care_pattern=_pattern(rnd), atypical_hours_needed=rnd.random() < 0.03, specific_care_need=rnd.random() < 0.02,
        ikt_wanted=rnd.random() < 0.3, preferences=prefs,
        categories=CategoryFlags(vulnerable_family=vulnerable, priority_group=bool(codes_held)),
        priority_codes=codes_held, policy_version=1, registered_at=registered, channel=Channel.ONLINE,
    )
    score = sum(WEIGHTS[c] for c in codes_held)
    return RoundRequest(snapshot, score, lottery_ticket("bench-seed", snapshot.request_id), vulnerable)


def _link_twins(requests: list[RoundRequest]) -> None:
    """Every 100th child has a twin (the next one) and the family asks to keep them together."""
    for index in range(0, len(requests) - 1, 100):
        a, b = requests[index], requests[index + 1]
        first = a.snapshot.model_copy(update={"sibling_request_ids": (b.snapshot.request_id,),
                                              "place_siblings_together": True})
        second = a.snapshot.model_copy(update={"request_id": b.snapshot.request_id,
                                               "sibling_request_ids": (a.snapshot.request_id,),
                                               "place_siblings_together": True})
        requests[index] = RoundRequest(first, a.score, a.ticket, a.vulnerable)
        requests[index + 1] = RoundRequest(second, b.score, b.ticket, b.vulnerable)
