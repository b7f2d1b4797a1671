"""The desk's dashboards as pure functions over facts."""

from __future__ import annotations

from datetime import date

from services.reporting.domain.calendar import months_between
from services.reporting.domain.dashboards.demand import open_versus_answered, requests_per_month, unmet_demand
from services.reporting.domain.dashboards.places import free_places_vs_demand
from services.reporting.domain.dashboards.timing import response_times, time_to_first_proposal
from services.reporting.domain.locations import LocationFact, fold_locations, providers_in
from services.reporting.domain.policy import PolicyVersion
from services.reporting.domain.state import fold_all
from tests.unit.reporting.builders import (
    DESK,
    allocated,
    at,
    distributed,
    proposed,
    registered,
    responded,
    withdrawn,
)

AREA = ("44021", "44013")
FACTS = [
    registered("a", "2025-01-10", flags=("urgent",)),
    registered("b", "2025-01-20", home="44013"),
    registered("c", "2025-02-05", home="44087", inside=False),
    proposed("b", "2025-02-19", "pb"),  # 30 days after registration
    allocated("b", "2025-03-01", proposal="pb"),
    withdrawn("c", "2025-03-15"),
]
MONTHS = months_between("2025-01", "2025-03")
AS_OF = at("2025-04-01", 0)


def values(chart: object, key: str) -> list[float]:
    return next(s.values for s in chart.series if s.key == key)  # type: ignore[attr-defined]


def test_requests_per_month_inside_and_outside() -> None:
    chart = requests_per_month(FACTS, MONTHS, AS_OF, AREA)
    assert chart.labels == ["2025-01", "2025-02", "2025-03"]
    assert values(chart, "in_working_area") == [2, 0, 0]
    assert values(chart, "outside_working_area") == [0, 1, 0]


def test_open_versus_answered_at_each_month_end() -> None:
    chart = open_versus_answered(FACTS, MONTHS, AS_OF)
    assert values(chart, "open_without_proposal") == [2, 2, 1]
    assert values(chart, "open_with_proposal") == [0, 1, 0]
    assert values(chart, "allocated") == [0, 0, 1]
    assert values(chart, "withdrawn") == [0, 0, 1]


def test_unmet_demand_per_municipality_and_category() -> None:
    chart = unmet_demand(FACTS, AS_OF, AREA)
    assert chart.labels == ["44021", "44013", "outside"]
    assert values(chart, "open") == [1, 0, 0]
    assert values(chart, "urgent") == [1, 0, 0]


def test_time_to_first_proposal() -> None:
    chart = time_to_first_proposal(FACTS, AS_OF, at("2025-01-01", 0))
    assert values(chart, "requests")[2] == 1  # the 15-30 days bucket
    assert chart.notes == {"median_days": 30.0, "with_proposal": 1, "waiting": 1}


def test_response_times_in_working_days_against_the_agreed_period() -> None:
    policy = PolicyVersion(desk_id=DESK, version=1, valid_from=date(2024, 1, 1), working_area=AREA,
                           provider_response_days=5, count_flemish_holiday=True, announced_at=at("2024-01-01"))
    facts = [
        distributed("a", "2025-04-18", "loc-1", "loc-2", "loc-3"),  # Friday before Easter Monday
        responded("a", "2025-04-22", "loc-1"),  # Tuesday: 1 working day (Easter Monday is a holiday)
        responded("a", "2025-04-30", "loc-2"),  # 7 working days: late
        responded("x", "2025-04-30", "loc-9"),  # never distributed: not counted
    ]
    chart = response_times(facts, [policy], at("2025-06-01"))
    assert values(chart, "on_time")[1] == 1
    assert values(chart, "late")[7] == 1
    assert chart.notes["agreed_days"] == 5
    assert chart.notes["on_time_share"] == 0.5


def test_free_places_against_demand() -> None:
    capacity = {"capacity_per_weekday": dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), 10), "status": "active"}
    locations = [
        LocationFact("e1", "loc-1", "p1", "44021", "LocationPublished", at("2024-01-01"), capacity),
        LocationFact("e2", "loc-2", "p2", "44013", "LocationPublished", at("2024-01-01"), capacity),
        LocationFact("e3", "loc-2", "p2", "44013", "LocationClosed", at("2025-01-01"),
                     {"closed_on": "2025-01-01", "reason": "stopped"}),
    ]
    views = fold_locations(locations).values()
    allocation = allocated("b", "2025-03-01", proposal="pb", start="2025-03-03").model_copy(
        update={"weekdays": ("mon", "tue")})  # at loc-1 in Gent, on two weekdays
    states = fold_all([*FACTS[:4], allocation]).values()
    chart = free_places_vs_demand(views, states, date(2025, 3, 10), AREA)
    assert values(chart, "open_requests") == [1, 0]
    assert values(chart, "free_places") == [9.6, 0.0], "(9 + 9 + 10 + 10 + 10) / 5 in Gent; loc-2 closed"
    assert providers_in(views, AREA, date(2025, 3, 10)) == ("p1",)


def test_capacity_corrections_count_on_their_days_only() -> None:
    correction = {"correction_id": "c1", "weekdays": ["wed"], "places_delta": -4, "valid_from": "2025-03-01",
                  "valid_until": "2025-03-31"}
    facts = [LocationFact("e1", "loc-1", "p1", "44021", "LocationPublished", at("2024-01-01"),
                          {"capacity_per_weekday": {"wed": 10, "thu": 10}, "corrections": [correction],
                           "status": "active"})]
    view = fold_locations(facts)["loc-1"]
    assert view.places_on(date(2025, 3, 12), "wed") == 6
    assert view.places_on(date(2025, 3, 12), "thu") == 10
    assert view.places_on(date(2025, 4, 2), "wed") == 10
    assert view.places_on(date(2025, 3, 12), "sat") == 0
