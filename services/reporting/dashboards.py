"""Application service for the desk's dashboards: load once, compute the six charts."""

from __future__ import annotations

from datetime import date, timedelta

from services.reporting.adapters.fact_queries import (
    facts_for_desk,
    facts_of_allocations_at,
    location_facts,
    policies,
)
from services.reporting.domain.calendar import add_months, end_of_day, month_key, month_start, months_between
from services.reporting.domain.dashboards.chart import Chart
from services.reporting.domain.dashboards.demand import open_versus_answered, requests_per_month, unmet_demand
from services.reporting.domain.dashboards.places import free_places_vs_demand
from services.reporting.domain.dashboards.timing import response_times, time_to_first_proposal
from services.reporting.domain.locations import fold_locations
from services.reporting.domain.policy import policy_in_force
from services.reporting.domain.state import fold_all
from services.runtime.db import Database

CHARTS = ("requests_per_month", "open_versus_answered", "time_to_first_proposal", "response_times",
          "unmet_demand", "free_places_vs_demand")


async def desk_dashboards(db: Database, *, desk_id: str, day: date, months: int) -> dict[str, Chart]:
    """Every chart for *desk_id* as of the end of *day*, over the last *months* months."""
    as_of = end_of_day(day)
    window = months_between(month_key(add_months(day, -(months - 1))), month_key(day))
    async with db.session(readonly=True) as session:
        facts = await facts_for_desk(session, desk_id)
        versions = await policies(session, desk_id)
        policy = policy_in_force(versions, day)
        area = tuple(policy.working_area) if policy else ()
        locations = fold_locations(await location_facts(session, area), as_of)
        placed = await facts_of_allocations_at(session, sorted(locations))
    everything = list({fact.event_id: fact for fact in [*facts, *placed]}.values())
    window_start = end_of_day(month_start(window[0]) - timedelta(days=1))  # midnight in Brussels
    charts = (
        requests_per_month(facts, window, as_of, area),
        open_versus_answered(facts, window, as_of),
        time_to_first_proposal(facts, as_of, window_start),
        response_times(facts, versions, as_of),
        unmet_demand(facts, as_of, area),
        free_places_vs_demand(locations.values(), fold_all(everything, as_of).values(), day, area),
    )
    return {chart.key: chart for chart in charts}

