"""Who lives in the simulated Flemish year: desks, providers, locations and families (seeded).

Everything is drawn from one ``random.Random(seed)``, so one seed is one population. The full
scale follows issue 8 (285 municipalities, ~5,700 locations, ~93,000 places, ~65,000 families);
the reduced scale is one small desk that the test suite plays in a few minutes.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from contracts.municipalities import Municipality, all_municipalities
from infra.simulator.families import Family, draw_family

NAMESPACE = uuid.UUID("2b7d3c10-51e8-4c5e-8f0a-51a1a7ed0008")
PRIORITY_RULES = (("sibling_present", 20), ("foster_child", 30), ("work_related", 10))


def sim_id(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


@dataclass(frozen=True)
class Scale:
    """How big the year is. ``municipalities=None`` takes every Flemish municipality."""

    name: str
    municipalities: int | None
    municipalities_per_desk: int
    locations_per_municipality: float
    places_per_location: float
    families: int
    closures: int
    outside_share: float = 0.03
    distribution_mode: str = "preferences_only"
    feed_every_days: int = 1  # how often providers' software reads its feed when a request waits for one


FULL = Scale("full", None, 6, 20.8, 16.6, 65_000, 12, feed_every_days=7)
MEDIUM = Scale("medium", 12, 6, 6.0, 12.0, 3_000, 3, feed_every_days=3)
REDUCED = Scale("reduced", 3, 3, 2.7, 8.0, 120, 1, outside_share=0.05, distribution_mode="broadcast_when_urgent")
SCALES = {s.name: s for s in (FULL, MEDIUM, REDUCED)}


@dataclass(frozen=True)
class SimDesk:
    desk_id: str
    name: str
    working_area: tuple[str, ...]
    username: str


@dataclass(frozen=True)
class SimProvider:
    key: str
    name: str
    kbo_number: str
    username: str


@dataclass(frozen=True)
class SimLocation:
    key: str
    provider_key: str
    nis_code: str
    name: str
    kind: str
    places: int
    atypical_hours: bool
    specific_care: bool
    ikt: bool


@dataclass(frozen=True)
class Population:
    seed: int
    year: int
    scale: Scale
    desks: tuple[SimDesk, ...]
    providers: tuple[SimProvider, ...]
    locations: tuple[SimLocation, ...]
    families: tuple[Family, ...]
    closures: tuple[date, ...]  # days on which a desk withdraws a licence (of a location with children)

    @property
    def start(self) -> date:
        return min(f.registered_on for f in self.families)

    @property
    def cutoff(self) -> date:
        """SPEC §5's default: the last day of February of the next year."""
        return date(self.year + 1, 3, 1) - timedelta(days=1)

    def desk_of(self, nis: str) -> SimDesk | None:
        return next((d for d in self.desks if nis in d.working_area), None)


def kbo_number(base: int) -> str:
    """A KBO number that passes the mod-97 check offer applies."""
    digits = f"{base:08d}"
    return f"{digits}{97 - int(digits) % 97:02d}"


def flemish(scale: Scale, rng: random.Random) -> list[Municipality]:
    found = sorted((m for m in all_municipalities().values() if m.region == "Vlaanderen"),
                   key=lambda m: m.nis_code)
    if scale.municipalities is None:
        return found
    first = rng.randrange(len(found))
    return [found[(first + i) % len(found)] for i in range(scale.municipalities)]


def group_desks(towns: list[Municipality], per_desk: int) -> list[SimDesk]:
    """Neighbours share a desk: by arrondissement, in chunks of at most *per_desk* municipalities."""
    by_arrondissement: dict[str, list[Municipality]] = {}
    for town in towns:
        by_arrondissement.setdefault(town.arrondissement_nl, []).append(town)
    desks: list[SimDesk] = []
    for arrondissement in sorted(by_arrondissement):
        members = by_arrondissement[arrondissement]
        for start in range(0, len(members), per_desk):
            chunk = members[start:start + per_desk]
            number = len(desks) + 1
            desks.append(SimDesk(sim_id(f"desk:{number}"), f"Lokaal Loket Kinderopvang {chunk[0].name_nl}",
                                 tuple(m.nis_code for m in chunk), f"sim.loket.{number}"))
    return desks


def generate(scale: Scale, seed: int = 2028, year: int = 2028) -> Population:
    rng = random.Random(seed)
    towns = flemish(scale, rng)
    desks = group_desks(towns, scale.municipalities_per_desk)
    if scale.municipalities is not None and scale.municipalities <= scale.municipalities_per_desk:
        desks = [SimDesk(sim_id("desk:1"), f"Lokaal Loket Kinderopvang {towns[0].name_nl}",
                         tuple(m.nis_code for m in towns), "sim.loket.1")]
    locations: list[SimLocation] = []
    providers: list[SimProvider] = []
    for town in towns:
        count = max(1, round(rng.gauss(scale.locations_per_municipality, scale.locations_per_municipality / 4)))
        for _ in range(count):
            if not providers or rng.random() < 0.55:  # many small organisations, some with several sites
                number = len(providers) + 1
                providers.append(SimProvider(f"p{number:05d}", f"Kinderopvang {number}",
                                             kbo_number(4_000_000 + number * 7), f"sim.aanbieder.{number}"))
            owner = providers[-1] if rng.random() < 0.7 else rng.choice(providers)
            family_care = rng.random() < 0.35
            places = max(2, round(rng.gauss(scale.places_per_location * (0.5 if family_care else 1.25),
                                            scale.places_per_location / 5)))
            locations.append(SimLocation(
                f"l{len(locations) + 1:05d}", owner.key, town.nis_code, f"Opvang {town.name_nl} {len(locations) + 1}",
                "gezinsopvang" if family_care else "groepsopvang", min(places, 300),
                atypical_hours=rng.random() < 0.15, specific_care=rng.random() < 0.2, ikt=rng.random() < 0.6))
    outsiders = [m for m in all_municipalities().values()
                 if m.region == "Vlaanderen" and not any(m.nis_code in d.working_area for d in desks)]
    families = tuple(
        draw_family(rng, index, year, desks, outsiders if rng.random() < scale.outside_share else [])
        for index in range(scale.families)
    )
    closures = tuple(sorted(date(year - 1, 10, 1) + timedelta(days=rng.randrange(0, 420))
                            for _ in range(scale.closures)))
    return Population(seed, year, scale, tuple(desks), tuple(providers), tuple(locations), families, closures)
