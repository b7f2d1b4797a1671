"""Demand over time and where it is not met: requests per month, open versus answered at each
month's end, and unmet demand per municipality and category."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from contracts import municipalities
from services.reporting.domain.calendar import month_end_instant, month_key
from services.reporting.domain.columns import CATEGORIES
from services.reporting.domain.dashboards.chart import Chart, Series
from services.reporting.domain.facts import Fact
from services.reporting.domain.state import RequestState, fold_all
from services.reporting.domain.sweep import sweep
from services.reporting.domain.yearly import OUTSIDE

STATUSES = ("open_without_proposal", "open_with_proposal", "allocated", "withdrawn")


def _home(state: RequestState) -> str:
    assert state.info is not None  # noqa: S101 - only called for counted requests
    return municipalities.current_code(state.info.home_nis) or state.info.home_nis


def requests_per_month(facts: Sequence[Fact], months: list[str], as_of: datetime, area: Iterable[str]) -> Chart:
    """Unique requests by month of registration, families from inside and outside the area."""
    inside = dict.fromkeys(months, 0)
    outside = dict.fromkeys(months, 0)
    wanted = set(area)
    for state in fold_all(facts, as_of).values():
        if not state.counts or state.registered_at is None:
            continue
        month = month_key(state.registered_at)
        if month not in inside:
            continue
        from_area = _home(state) in wanted if wanted else bool(state.info and state.info.in_working_area)
        (inside if from_area else outside)[month] += 1
    return Chart("requests_per_month", "stacked", months,
                 [Series("in_working_area", list(map(float, inside.values()))),
                  Series("outside_working_area", list(map(float, outside.values())))],
                 {"total": sum(inside.values()) + sum(outside.values())})


def _status(state: RequestState) -> str | None:
    if not state.counts:
        return None
    if state.allocated:
        return "allocated"
    if state.withdrawn:
        return "withdrawn"
    return "open_with_proposal" if state.had_proposal else "open_without_proposal"


def open_versus_answered(facts: Sequence[Fact], months: list[str], as_of: datetime) -> Chart:
    """Every request registered so far, by its status at the end of each month (or as of now)."""
    instants = [min(month_end_instant(m), as_of) for m in months]
    per_month = sweep(facts, instants, lambda state, _: _status(state))
    series = [Series(status, [float(statuses.count(status)) for statuses in per_month]) for status in STATUSES]
    return Chart("open_versus_answered", "stacked", months, series)


def unmet_demand(facts: Sequence[Fact], as_of: datetime, area: Sequence[str]) -> Chart:
    """Open requests (no place, not withdrawn) per home municipality, and per category."""
    keys = [*area, OUTSIDE]
    totals = dict.fromkeys(keys, 0)
    per_category = {category: dict.fromkeys(keys, 0) for category in CATEGORIES}
    for state in fold_all(facts, as_of).values():
        if not state.open:
            continue
        home = _home(state)
        key = home if home in totals and home != OUTSIDE else OUTSIDE
        totals[key] += 1
        for category in state.category_names():
            per_category[category][key] += 1
    series = [Series("open", [float(totals[k]) for k in keys])]
    series += [Series(category, [float(per_category[category][k]) for k in keys]) for category in CATEGORIES]
    return Chart("unmet_demand", "bar", keys, series, {"open": sum(totals.values())})
