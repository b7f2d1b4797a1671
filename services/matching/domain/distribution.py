"""Which locations hear of a request, and why each one did or did not (SPEC section 3.2).

Every included location is told at the same moment (one RequestDistributed). The desk policy in
force on the day decides the mode:

* ``preferences_only``: locations that fit and match the family's preferences;
* ``all_fitting``: every fitting location in the desk's working area, plus fitting locations the
  family prefers across the border;
* ``broadcast_when_urgent``: like ``all_fitting``; an urgent request is broadcast.

An urgent request is broadcast when the policy says so (``urgent_broadcast`` or the broadcast
mode): every active connected location that can care for the child hears of it, whatever the
family's preferences and even when it is full today (the desk may arrange temporary capacity).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from contracts import municipalities
from contracts.events.intake import DeskPolicyChanged, RequestSnapshot
from contracts.types import PreferenceMode
from services.matching.domain.capacity import CapacityTimeline
from services.matching.domain.eligibility import LocationFacts, hard_failures
from services.matching.domain.slots import Slots, slots_of

Mode = Literal["preferences_only", "all_fitting", "broadcast_urgent"]
CAPACITY_CODES = ("no_free_place",)


@dataclass(frozen=True)
class Decision:
    location_id: str
    provider_id: str
    included: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DistributionPlan:
    mode: Mode
    decisions: tuple[Decision, ...]

    @property
    def recipients(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.included)


def home_distance_km(request: RequestSnapshot, location: LocationFacts) -> float | None:
    home = municipalities.get(request.home_nis)
    if home is None:
        return None
    return municipalities.distance_km(home.latitude, home.longitude, location.latitude, location.longitude)


def preference_reasons(request: RequestSnapshot, location: LocationFacts, max_preferences: int) -> list[str]:
    """How the location matches the family's preferences: ``code:detail`` strings, empty if not."""
    prefs = request.preferences
    reasons: list[str] = []
    ranked = prefs.location_ids[:max_preferences]
    if location.location_id in ranked:
        reasons.append(f"ranked_preference:{ranked.index(location.location_id) + 1}")
    if prefs.mode is PreferenceMode.DISTANCE and prefs.max_distance_km is not None:
        distance = home_distance_km(request, location)
        if distance is not None and distance <= prefs.max_distance_km:
            reasons.append(f"within_distance:{distance:.1f}")
    if prefs.mode is PreferenceMode.MUNICIPALITIES and location.nis_code in prefs.nis_codes:
        reasons.append(f"preferred_municipality:{location.nis_code}")
    return reasons


def mode_for(policy: DeskPolicyChanged, urgent: bool) -> Mode:
    if urgent and (policy.urgent_broadcast or policy.distribution_mode == "broadcast_when_urgent"):
        return "broadcast_urgent"
    return "preferences_only" if policy.distribution_mode == "preferences_only" else "all_fitting"


def decide(request: RequestSnapshot, location: LocationFacts, timeline: CapacityTimeline | None,
           policy: DeskPolicyChanged, mode: Mode, working_area: frozenset[str], slots: Slots | None = None) -> Decision:
    in_area = location.nis_code in working_area
    prefs = preference_reasons(request, location, policy.max_preferences)
    failures = hard_failures(request, location, timeline, slots=slots)
    area = ["in_working_area"] if in_area else []
    if mode == "broadcast_urgent":
        blocking = [f for f in failures if f not in CAPACITY_CODES]
        notes = [f"note:{f}" for f in failures if f in CAPACITY_CODES]
        connected = in_area or bool(prefs)
        if not blocking and connected:
            return Decision(location.location_id, location.provider_id, True,
                            ("urgent_broadcast", *area, *prefs, *notes))
        return Decision(location.location_id, location.provider_id, False,
                        (*blocking, *([] if connected else ["outside_working_area"])))
    wanted = bool(prefs) if mode == "preferences_only" else (in_area or bool(prefs))
    if not failures and wanted:
        return Decision(location.location_id, location.provider_id, True, ("fits", *area, *prefs))
    missing: list[str] = []
    if not wanted:
        missing.append("not_in_preferences" if mode == "preferences_only" or in_area else "outside_working_area")
    return Decision(location.location_id, location.provider_id, False, (*failures, *missing))


def plan_distribution(
    request: RequestSnapshot, *, urgent: bool, policy: DeskPolicyChanged,
    candidates: Iterable[tuple[LocationFacts, CapacityTimeline | None]], working_area: Iterable[str],
) -> DistributionPlan:
    """Decide for every candidate location; included ones first, each group by location id."""
    mode = mode_for(policy, urgent)
    area = frozenset(working_area)
    slots = slots_of(request.care_pattern)
    decisions = [decide(request, facts, timeline, policy, mode, area, slots) for facts, timeline in candidates]
    decisions.sort(key=lambda d: (not d.included, d.location_id))
    return DistributionPlan(mode, tuple(decisions))
