"""Why a child stayed unmatched in a round, in words a desk worker can act on.

* ``no_fitting_location`` (or the builder's more precise reason): no location on the family's
  list can care for the child (age, hours, care need, IKT, preferences);
* ``no_places_on_wanted_days``: no listed location has places on all the wanted days, even empty;
* ``siblings_no_common_location`` / ``siblings_not_together``: the siblings must be placed
  together and no listed location can take all of them;
* ``outranked``: places existed, but children the locations rank higher took them.
"""

from __future__ import annotations

from services.matching.domain.round.deferred_acceptance import RoundOutcome
from services.matching.domain.round.instance import RoundInstance, demand_of, fits
from services.matching.domain.slots import SLOT_COUNT


def unmatched_reasons(instance: RoundInstance, outcome: RoundOutcome) -> dict[int, str]:
    """child index -> reason code, for every child without a location."""
    empty = [0] * SLOT_COUNT
    reasons: dict[int, str] = {}
    for index, child in enumerate(instance.children):
        if index in outcome.assignment:
            continue
        item = outcome.items[outcome.item_of[index]]
        if not child.prefs:
            reasons[index] = child.excluded or "no_fitting_location"
            continue
        alone = demand_of([child.slots])
        if not any(fits(instance.locations[loc].capacity, empty, alone) for loc in child.prefs):
            reasons[index] = "no_places_on_wanted_days"
        elif len(item.members) > 1 and not item.prefs:
            reasons[index] = "siblings_no_common_location"
        elif len(item.members) > 1 and not any(
                fits(instance.locations[loc].capacity, empty, item.demand) for loc in item.prefs):
            reasons[index] = "siblings_not_together"
        else:
            reasons[index] = "outranked"
    return reasons
