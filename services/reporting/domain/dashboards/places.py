"""Free places against demand per municipality of the working area, on one day.

Free places are derived as the SPEC asks: licensed places per weekday (with the provider's
corrections) minus the allocations standing that day, counted on the weekdays of their care
pattern, until the child turns three (when it leaves for pre-school). Shown as the average over
Monday to Friday. Demand is the number of open requests of families living there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from contracts import municipalities
from services.reporting.domain.calendar import add_months
from services.reporting.domain.dashboards.chart import Chart, Series
from services.reporting.domain.locations import LocationView
from services.reporting.domain.state import RequestState

WORKDAYS = ("mon", "tue", "wed", "thu", "fri")


def _occupies(state: RequestState, day: date) -> bool:
    allocation = state.allocation
    if allocation is None or allocation.start_date > day or state.info is None:
        return False
    return add_months(state.info.child_birth_date, 36) > day


def free_places_vs_demand(
    locations: Iterable[LocationView], states: Iterable[RequestState], day: date, area: Sequence[str],
) -> Chart:
    views = [v for v in locations if v.nis_code in area]
    nis_of_location = {v.location_id: v.nis_code for v in views}
    occupied = {(nis, wd): 0 for nis in area for wd in WORKDAYS}
    open_requests = dict.fromkeys(area, 0)
    for state in states:
        allocation = state.allocation
        if allocation and allocation.location_id in nis_of_location and _occupies(state, day):
            for weekday in allocation.weekdays or WORKDAYS[: round(allocation.allocated_days)]:
                key = (nis_of_location[allocation.location_id], weekday)
                if key in occupied:
                    occupied[key] += 1
        if state.open and state.info is not None:
            home = municipalities.current_code(state.info.home_nis) or state.info.home_nis
            if home in open_requests:
                open_requests[home] += 1
    free = []
    for nis in area:
        per_day = [max(sum(v.places_on(day, wd) for v in views if v.nis_code == nis) - occupied[(nis, wd)], 0)
                   for wd in WORKDAYS]
        free.append(round(sum(per_day) / len(WORKDAYS), 1))
    return Chart("free_places_vs_demand", "bar", list(area),
                 [Series("free_places", free), Series("open_requests", [float(open_requests[n]) for n in area])],
                 {"day": day.isoformat()})
