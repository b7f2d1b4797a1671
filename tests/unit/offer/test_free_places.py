"""Free places are derived: capacity minus allocations over time, plus the provider's corrections."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.types import CareDay, CarePattern, DayPart, Weekday
from services.offer.domain.free_places import Correction, FreePlaces, Occupation, days_of

MON, TUE, WED = Weekday.MON, Weekday.TUE, Weekday.WED
FULL, AM, PM = DayPart.FULL, DayPart.MORNING, DayPart.AFTERNOON
CAPACITY = {MON: 10, TUE: 10, WED: 6}


def occ(name: str, start: str, days: dict[Weekday, DayPart], last: str | None = None) -> Occupation:
    return Occupation(name, date.fromisoformat(start), days, date.fromisoformat(last) if last else None)


def corr(delta: int, start: str, until: str | None = None, days: tuple[Weekday, ...] = (MON,)) -> Correction:
    return Correction("c", frozenset(days), delta, date.fromisoformat(start),
                      date.fromisoformat(until) if until else None)


@pytest.mark.parametrize(("occupations", "corrections", "on", "weekday", "expected"), [
    pytest.param([], [], "2026-09-01", MON, (10, 0, 0, 10), id="nothing allocated: the licence"),
    pytest.param([occ("a", "2026-09-01", {MON: FULL})], [], "2026-09-01", MON, (10, 1, 0, 9), id="one full day"),
    pytest.param([occ("a", "2026-09-01", {MON: FULL})], [], "2026-08-31", MON, (10, 0, 0, 10),
                 id="allocation not started yet"),
    pytest.param([occ("a", "2026-09-01", {MON: FULL}, "2026-12-31")], [], "2027-01-01", MON, (10, 0, 0, 10),
                 id="after the child's last day the place is free again"),
    pytest.param([occ("a", "2026-09-01", {TUE: FULL})], [], "2026-09-07", MON, (10, 0, 0, 10),
                 id="other weekday untouched"),
    pytest.param([occ("a", "2026-09-01", {MON: AM}), occ("b", "2026-09-01", {MON: PM})], [], "2026-09-07", MON,
                 (10, 1, 0, 9), id="a morning and an afternoon child share one place"),
    pytest.param([occ("a", "2026-09-01", {MON: AM}), occ("b", "2026-09-01", {MON: AM})], [], "2026-09-07", MON,
                 (10, 2, 0, 8), id="two mornings need two places"),
    pytest.param([], [corr(-2, "2026-09-01", "2026-09-30")], "2026-09-15", MON, (10, 0, -2, 8),
                 id="a correction in force is shown as such"),
    pytest.param([], [corr(-2, "2026-09-01", "2026-09-30")], "2026-10-01", MON, (10, 0, 0, 10),
                 id="a correction that expired no longer counts"),
    pytest.param([], [corr(-2, "2026-09-01")], "2030-01-01", MON, (10, 0, -2, 8),
                 id="an open-ended correction lasts until the provider ends it"),
    pytest.param([occ(str(i), "2026-09-01", {WED: FULL}) for i in range(8)], [], "2026-09-02", WED,
                 (6, 8, 0, 0), id="overbooked: never below zero"),
    pytest.param([], [], "2026-09-01", Weekday.SAT, (0, 0, 0, 0), id="closed weekday"),
])
def test_figures_on_a_date(occupations: list[Occupation], corrections: list[Correction], on: str,
                           weekday: Weekday, expected: tuple[int, int, int, int]) -> None:
    figures = FreePlaces(CAPACITY, occupations, corrections).on(date.fromisoformat(on), weekday)
    assert (figures.licensed, figures.allocated, figures.corrected, figures.free) == expected


def test_overbooked_is_flagged() -> None:
    places = FreePlaces({WED: 1}, [occ("a", "2026-09-01", {WED: FULL}), occ("b", "2026-09-01", {WED: FULL})])
    assert places.on(date(2026, 9, 2), WED).overbooked


def test_lasting_free_place_accounts_for_later_allocations_and_corrections() -> None:
    places = FreePlaces({MON: 2}, [occ("a", "2026-09-01", {MON: FULL}), occ("b", "2027-01-04", {MON: FULL})],
                        [corr(-1, "2026-10-01", "2026-10-31")])
    assert places.on(date(2026, 9, 7), MON).free == 1
    assert places.lasting(date(2026, 9, 7), MON) == 0  # taken in October, and again from January
    assert places.lasting(date(2026, 11, 2), MON) == 0  # the January child takes the last place
    released = FreePlaces({MON: 2}, [occ("a", "2026-09-01", {MON: FULL}, "2026-12-31")])
    assert released.lasting(date(2026, 9, 7), MON) == 1
    assert released.lasting(date(2027, 1, 4), MON) == 2


def test_timeline_lists_each_change_once() -> None:
    places = FreePlaces({MON: 3}, [occ("a", "2026-09-01", {MON: FULL}, "2027-06-30")],
                        [corr(-1, "2026-10-01", "2026-10-31")])
    timeline = [(f.day.isoformat(), f.free) for f in places.timeline(date(2026, 8, 1))]
    assert timeline == [("2026-08-01", 3), ("2026-09-01", 2), ("2026-10-01", 1), ("2026-11-01", 2),
                        ("2027-07-01", 3)]
    assert [f.day for f in places.timeline(date(2026, 8, 1), until=date(2026, 9, 30))] == [
        date(2026, 8, 1), date(2026, 9, 1)]


def test_has_lasting_place_on_every_wanted_weekday() -> None:
    places = FreePlaces({MON: 1, TUE: 1}, [occ("a", "2026-09-01", {TUE: FULL})])
    assert places.has_lasting_place(date(2026, 9, 7), [MON])
    assert not places.has_lasting_place(date(2026, 9, 7), [MON, TUE])
    assert not FreePlaces({}).has_lasting_place(date(2026, 9, 7), [])


def test_days_of_a_care_pattern() -> None:
    pattern = CarePattern(days=(CareDay(weekday=MON, part=AM), CareDay(weekday=MON, part=PM),
                                CareDay(weekday=TUE, part=PM), CareDay(weekday=WED)))
    assert days_of(pattern) == {MON: FULL, TUE: PM, WED: FULL}


# --- invariants ----------------------------------------------------------------------------------

START = date(2026, 1, 5)
occupations = st.lists(st.builds(
    lambda i, start, length, day, part: Occupation(
        f"a{i}", START + timedelta(days=start), {day: part},
        None if length is None else START + timedelta(days=start + length)),
    st.integers(0, 10_000), st.integers(0, 400), st.one_of(st.none(), st.integers(0, 400)),
    st.sampled_from([MON, TUE, WED]), st.sampled_from(list(DayPart))), max_size=25)
corrections = st.lists(st.builds(
    lambda start, length, delta, day: Correction(
        "c", frozenset({day}), delta, START + timedelta(days=start),
        None if length is None else START + timedelta(days=start + length)),
    st.integers(0, 400), st.one_of(st.none(), st.integers(0, 200)), st.integers(-10, -1),
    st.sampled_from([MON, TUE, WED])), max_size=5)


@settings(max_examples=150, deadline=None)
@given(occupations, corrections, st.integers(0, 500), st.sampled_from([MON, TUE, WED]))
def test_invariants(occs: list[Occupation], corrs: list[Correction], offset: int, weekday: Weekday) -> None:
    day = START + timedelta(days=offset)
    places = FreePlaces(CAPACITY, occs, corrs)
    figures = places.on(day, weekday)
    assert 0 <= figures.free <= figures.licensed
    assert 0 <= places.lasting(day, weekday) <= figures.free
    # the order in which allocations arrive changes nothing (order-tolerant consumers)
    assert FreePlaces(CAPACITY, list(reversed(occs)), corrs).on(day, weekday) == figures
    # one more allocation never creates a place; cancelling one never removes a place
    more = FreePlaces(CAPACITY, [*occs, Occupation("new", START, {weekday: DayPart.FULL})], corrs)
    assert more.on(day, weekday).free <= figures.free
    if occs:
        fewer = FreePlaces(CAPACITY, occs[1:], corrs)
        assert fewer.on(day, weekday).free >= figures.free
