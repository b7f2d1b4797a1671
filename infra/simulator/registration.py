"""A family's registration as the online form or the desk worker sends it to intake."""

from __future__ import annotations

from typing import Any

from infra.simulator.families import FIRST_NAMES, Family
from infra.simulator.population import PRIORITY_RULES, Population

RULE_CODES = {code for code, _ in PRIORITY_RULES}


def child_names(population: Population, family: Family) -> tuple[str, str]:
    index = int(family.key[1:])
    return FIRST_NAMES[index % len(FIRST_NAMES)], f"Sim{population.seed}-{family.key}"


def registration_body(population: Population, family: Family) -> dict[str, Any]:
    first, last = child_names(population, family)
    body: dict[str, Any] = {
        "child_first_name": first, "child_last_name": last, "child_birth_date": family.birth_date.isoformat(),
        "birth_expected": family.birth_expected, "home_nis": family.home_nis,
        "wanted_start_date": family.wanted_start.isoformat(), "care_pattern": family.care_pattern(),
        "atypical_hours_needed": family.atypical_hours, "specific_care_need": family.specific_care,
        "ikt_wanted": family.ikt, "preferences": {"mode": "distance", "max_distance_km": family.max_km},
        "parents": [{"first_name": "Ouder", "last_name": last}], "consent": True, "desk_id": family.desk_id,
    }
    if family.email:
        body["contact_email"] = f"gezin.{family.key}.{population.seed}@sim.example.org"
    else:
        body["contact_phone"] = f"+32 470 {int(family.key[1:]) % 1_000_000:06d}"
    if family.priority_answers:
        body.update(priority_answers=list(family.priority_answers), priority_sworn=True)
    if family.by_desk:
        body.update(channel="phone", categories={"urgent": family.urgent, "vulnerable_family": family.vulnerable},
                    vulnerability_consent=family.vulnerable)
    if family.twins:
        body["siblings"] = [{"first_name": "Tweeling", "last_name": last, "birth_date": family.birth_date.isoformat(),
                             "birth_expected": family.birth_expected}]
    return body


def expected_flags(family: Family) -> set[str]:
    """The five category flags as SPEC §5 should count them for this family's registration."""
    flags = set()
    if family.by_desk and family.urgent:
        flags.add("urgent")
    if family.atypical_hours:
        flags.add("atypical_hours")
    if RULE_CODES & set(family.priority_answers):
        flags.add("priority_group")
    if family.by_desk and family.vulnerable:
        flags.add("vulnerable_family")
    if family.specific_care:
        flags.add("specific_care_need")
    return flags
