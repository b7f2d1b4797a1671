"""Search rules for parents: where, when, how, and a place that stays free."""

from __future__ import annotations

import math
from datetime import date, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from contracts.events.offer import OpeningHours
from contracts.types import DayPart, Weekday
from services.offer.domain.free_places import FreePlaces, Occupation
from services.offer.domain.search import (
    LocationFacts,
    SearchQuery,
    bounding_box,
    distance,
    fits_without_places,
    has_room,
    lasting_free,
    sort_key,
    within_reach,
)

MON, TUE = Weekday.MON, Weekday.TUE
GENT = (51.0577, 3.7067)


def facts(**overrides: Any) -> LocationFacts:
    base: dict[str, Any] = dict(
        location_id="l1", nis_code="44021", latitude=GENT[0], longitude=GENT[1], kind="groepsopvang", ikt=True,
        atypical_hours=False, specific_care=False, languages=("nl",),
        opening_hours=(OpeningHours(weekday=MON, opens=time(7), closes=time(18)),),
        capacity={MON: 10, TUE: 10},
    )
    base.update(overrides)
    return LocationFacts(**base)


@pytest.mark.parametrize(("query", "overrides", "fits"), [
    ({}, {}, True),
    ({"nis": ["44021"]}, {}, True),
    ({"nis": ["24062"]}, {}, False),
    ({"ikt": True}, {"ikt": False}, False),
    ({"ikt": False}, {"ikt": False}, True),  # "no matter" is not "must not"
    ({"atypical_hours": True}, {}, False),
    ({"specific_care": True}, {"specific_care": True}, True),
    ({"kind": "gezinsopvang"}, {}, False),
    ({"language": "fr"}, {}, False),
    ({"language": "fr"}, {"languages": ("nl", "fr")}, True),
    ({"weekdays": ["mon", "tue"]}, {}, True),
    ({"weekdays": ["wed"]}, {}, False),
    ({"weekdays": ["mon"], "opens_by": "07:30", "closes_after": "17:30"}, {}, True),
    ({"weekdays": ["mon"], "opens_by": "06:30"}, {}, False),
    ({"weekdays": ["mon"], "closes_after": "18:30"}, {}, False),
    ({"weekdays": ["tue"], "opens_by": "08:00"}, {}, False),  # no hours known on Tuesday: cannot promise
])
def test_filters(query: dict[str, Any], overrides: dict[str, Any], fits: bool) -> None:
    assert fits_without_places(facts(**overrides), SearchQuery.model_validate(query)) is fits


def test_distance_from_a_municipality_centre_or_a_point() -> None:
    near_gent = SearchQuery(near="44021", max_km=5)
    km = distance(facts(), near_gent)
    assert km is not None and km < 5 and within_reach(km, near_gent)
    leuven = facts(latitude=50.879, longitude=4.698)
    far = distance(leuven, near_gent)
    assert far is not None and far > 60 and not within_reach(far, near_gent)
    assert distance(facts(), SearchQuery(lat=GENT[0], lon=GENT[1])) == 0.0
    assert distance(facts(), SearchQuery()) is None and within_reach(None, SearchQuery())


@settings(max_examples=200, deadline=None)
@given(st.floats(50.7, 51.4), st.floats(2.6, 5.8), st.floats(0.5, 100), st.floats(0, 1), st.floats(0, 360))
def test_bounding_box_holds_every_point_within_reach(lat: float, lon: float, km: float, share: float,
                                                     bearing: float) -> None:
    query = SearchQuery(lat=lat, lon=lon, max_km=km)
    distance_km = km * share * 0.999
    # a point at that distance and bearing (small-distance approximation is exact enough at this scale)
    dlat = distance_km * math.cos(math.radians(bearing)) / 111.2
    dlon = distance_km * math.sin(math.radians(bearing)) / (111.2 * math.cos(math.radians(lat + dlat)))
    south, north, west, east = bounding_box(query) or (0, 0, 0, 0)
    point = facts(latitude=lat + dlat, longitude=lon + dlon)
    reach = distance(point, query)
    assert reach is not None
    if reach <= km:
        assert south <= lat + dlat <= north and west <= lon + dlon <= east
    assert bounding_box(SearchQuery()) is None


def test_query_is_normalised_and_checked() -> None:
    assert SearchQuery(weekdays=("tue", "mon", "tue"), nis=("44021", "44013", "44021")) == SearchQuery(
        weekdays=("mon", "tue"), nis=("44013", "44021"))
    for bad in ({"near": "99999"}, {"nis": ["00000"]}, {"weekdays": ["maandag"]}, {"max_km": 0},
                {"language": "Nederlands"}):
        with pytest.raises(ValidationError):
            SearchQuery.model_validate(bad)


def test_lasting_free_places_from_the_wanted_date() -> None:
    places = FreePlaces({MON: 1, TUE: 1}, [Occupation("a", date(2026, 10, 5), {MON: DayPart.FULL})])
    today = date(2026, 9, 1)
    monday = SearchQuery(weekdays=("mon",), free_from=date(2026, 9, 7))
    free = lasting_free(places, monday, today)
    assert free == {MON: 0} and not has_room(free, monday)  # free in September, taken from October
    assert lasting_free(places, SearchQuery(), today) == {MON: 0, TUE: 1}
    assert has_room({MON: 0, TUE: 1}, SearchQuery())  # no day asked: one open day with room will do
    assert not has_room({MON: 0, TUE: 1}, SearchQuery(weekdays=("mon", "tue")))
    assert not has_room({}, SearchQuery())
    # a date in the past counts from today
    assert lasting_free(places, SearchQuery(free_from=date(2020, 1, 1), weekdays=("tue",)), today) == {TUE: 1}


def test_ordering() -> None:
    assert sort_key(1.0, {MON: 1}, "b") < sort_key(2.0, {MON: 9}, "a")
    assert sort_key(None, {MON: 5}, "b") < sort_key(None, {MON: 1}, "a")
    assert sort_key(None, {MON: 1}, "a") < sort_key(None, {MON: 1}, "B")
