"""Open the simulated world through the public APIs: desks (operator), providers (operator), the
accounts of their staff (identity's accounts file), locations (each provider, through its API) and
the providers' notification preferences.

Offer chooses provider and location ids; the simulator keeps the mapping from its own keys.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from infra.simulator.api import Api
from infra.simulator.population import PRIORITY_RULES, Population, SimLocation

OPERATOR = "operator"
EARLIEST_ANSWER_MONTHS = 7
FAMILY_ANSWER_DAYS = 10


@dataclass
class World:
    """Ids the services gave to the simulator's desks, providers and locations."""

    provider_ids: dict[str, str] = field(default_factory=dict)  # provider key -> provider id
    location_ids: dict[str, str] = field(default_factory=dict)  # location key -> location id
    location_keys: dict[str, str] = field(default_factory=dict)  # location id -> location key
    provider_user: dict[str, str] = field(default_factory=dict)  # location id -> provider account
    closed: set[str] = field(default_factory=set)  # location ids


def policy(population: Population, working_area: tuple[str, ...]) -> dict[str, Any]:
    return {
        "valid_from": (population.start - timedelta(days=60)).isoformat(), "working_area": list(working_area),
        "provider_response_days": 5, "reminder_before_days": 1, "family_answer_days": FAMILY_ANSWER_DAYS,
        "earliest_answer_months": EARLIEST_ANSWER_MONTHS, "max_preferences": 5,
        "distribution_mode": population.scale.distribution_mode,
        "priority_rules": [{"code": c, "weight": w} for c, w in PRIORITY_RULES], "vulnerable_quota_percent": 20,
    }


def write_accounts(path: Path, population: Population, world: World) -> None:
    """Identity's accounts file: a desk worker per desk, a planner per provider (atomic replace)."""
    rows: list[dict[str, Any]] = [
        {"username": d.username, "name": f"Medewerker {d.name}", "role": "loketmedewerker", "desk_ids": [d.desk_id]}
        for d in population.desks]
    rows += [{"username": p.username, "name": p.name, "role": "organisator", "provider_id": world.provider_ids[p.key]}
             for p in population.providers if p.key in world.provider_ids]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    temporary.replace(path)


def location_body(location: SimLocation) -> dict[str, Any]:
    days = ("mon", "tue", "wed", "thu", "fri")
    return {
        "name": location.name, "external_ref": location.key, "street": "Dorpsstraat 1", "postal_code": "9000",
        "city": "Gemeente", "nis_code": location.nis_code, "kind": location.kind,
        "capacity_per_weekday": dict.fromkeys(days, location.places), "age_min_months": 0, "age_max_months": 36,
        "opening_hours": [{"weekday": d, "opens": "06:30" if location.atypical_hours else "07:00",
                           "closes": "19:30" if location.atypical_hours else "18:00"} for d in days],
        "atypical_hours": location.atypical_hours, "ikt": location.ikt, "specific_care": location.specific_care,
    }


async def provision(api: Api, population: Population, accounts_file: Path, world: World,
                    progress: Any = None) -> None:
    for desk in population.desks:
        answer = await api.request("POST", "intake", "/api/v1/desks", user=OPERATOR, key=f"desk:{desk.desk_id}",
                                   json={"desk_id": desk.desk_id, "name": desk.name,
                                         "policy": policy(population, desk.working_area)}, ok=())
        if answer.status_code not in (201, 409):
            raise RuntimeError(f"desk {desk.name}: {answer.status_code} {answer.text}")
    write_accounts(accounts_file, population, world)
    for provider in population.providers:
        found = await api.json("POST", "offer", "/api/v1/providers", user=OPERATOR, key=f"provider:{provider.key}",
                               json={"name": provider.name, "kbo_number": provider.kbo_number,
                                     "email": f"planning@{provider.key}.sim.example.org"})
        world.provider_ids[provider.key] = found["provider_id"]
    write_accounts(accounts_file, population, world)
    by_key = {p.key: p for p in population.providers}
    for provider in population.providers:
        await api.request("PUT", "notifications", "/api/v1/provider/preferences", user=provider.username,
                          key=f"prefs:{provider.key}", json={"mode": "immediate", "channels": ["email", "pull"],
                                                             "email": f"planning@{provider.key}.sim.example.org"})
    for number, location in enumerate(population.locations):
        owner = by_key[location.provider_key]
        found = await api.json("POST", "offer", "/api/v1/provider/locations", user=owner.username,
                               key=f"location:{location.key}", json=location_body(location))
        world.location_ids[location.key] = found["location_id"]
        world.location_keys[found["location_id"]] = location.key
        world.provider_user[found["location_id"]] = owner.username
        if progress:
            progress(number + 1, len(population.locations))


def opening_day(population: Population) -> date:
    return population.start - timedelta(days=30)
