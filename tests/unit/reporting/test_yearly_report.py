"""The whole form: rows per municipality of the working area, a row for families from outside
it, a total, and every column split by the five categories."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from services.reporting.domain.calendar import default_cutoff, end_of_day
from services.reporting.domain.facts import Fact
from services.reporting.domain.state import fold_all
from services.reporting.domain.yearly import OUTSIDE, TOTAL, build_yearly_report
from tests.unit.reporting.builders import (
    DESK,
    allocated,
    merged,
    proposed,
    registered,
    withdrawn,
)

AREA = ("44021", "44013", "44088")  # Gent, Destelbergen, Merelbeke-Melle
CUTOFF = default_cutoff(2025)

FACTS: list[Fact] = [
    # Gent: three flags, never a proposal
    registered("g1", "2025-02-01", flags=("urgent", "vulnerable_family", "priority_group")),
    # Gent: registered twice, the desk merged the duplicate: counts once
    registered("g2", "2025-02-02", flags=("urgent",)),
    registered("g2-dup", "2025-02-03", flags=("urgent",)),
    merged("g2-dup", "g2", "2025-02-10"),
    # Gent: a proposal, not accepted (yet)
    proposed("g2", "2025-04-01", "p-g2"),
    # Destelbergen: allocated one month later and with fewer days
    registered("d1", "2025-01-15", home="44013", start="2025-06-02", flags=("atypical_hours",)),
    allocated("d1", "2025-05-01", start="2025-07-02", original="2025-06-02", given=2.0),
    # Destelbergen: withdrawn after the cut-off: counts as it stood (unanswered, no proposal)
    registered("d2", "2025-03-01", home="44013"),
    withdrawn("d2", "2026-03-15"),
    # from outside the working area (Lochristi)
    registered("x1", "2025-03-01", home="44087", inside=False, flags=("specific_care_need",)),
    # another desk's request and a request for next year: not in this report
    registered("o1", "2025-03-01", desk="desk-leuven", home="24062"),
    registered("n1", "2025-09-01", start="2026-01-10"),
]


def report() -> object:
    states = fold_all(FACTS, end_of_day(CUTOFF)).values()
    return build_yearly_report(desk_id=DESK, year=2025, cutoff=CUTOFF, working_area=AREA, states=states)


def test_rows_are_the_working_area_in_name_order_then_outside() -> None:
    result = report()
    assert [r.key for r in result.rows] == ["44013", "44021", "44088", OUTSIDE]  # type: ignore[attr-defined]
    assert [r.name() for r in result.rows] == [  # type: ignore[attr-defined]
        "Destelbergen", "Gent", "Merelbeke-Melle", "Buiten het werkingsgebied"]


def test_every_column_and_category() -> None:
    result = report()
    gent, destelbergen, melle = (result.row(k).counts for k in ("44021", "44013", "44088"))  # type: ignore[attr-defined]
    assert gent["unique"] == {"total": 2, "urgent": 2, "atypical_hours": 0, "priority_group": 1,
                              "vulnerable_family": 1, "specific_care_need": 0}
    assert gent["unanswered_without_proposal"]["total"] == 1
    assert gent["unanswered_without_proposal"]["vulnerable_family"] == 1
    assert gent["unanswered_with_proposal"] == {"total": 1, "urgent": 1, "atypical_hours": 0,
                                                "priority_group": 0, "vulnerable_family": 0,
                                                "specific_care_need": 0}
    assert destelbergen["unique"]["total"] == 2
    assert destelbergen["unanswered_without_proposal"]["total"] == 1
    assert destelbergen["partial_later_start"] == {"total": 1, "urgent": 0, "atypical_hours": 1,
                                                   "priority_group": 0, "vulnerable_family": 0,
                                                   "specific_care_need": 0}
    assert destelbergen["partial_fewer_days"]["total"] == 1
    assert all(cell["total"] == 0 for cell in melle.values()), "a municipality without requests keeps its row"


def test_family_from_outside_and_total() -> None:
    result = report()
    outside = result.row(OUTSIDE).counts  # type: ignore[attr-defined]
    assert outside["unique"]["total"] == 1
    assert outside["unique"]["specific_care_need"] == 1
    total = result.row(TOTAL).counts  # type: ignore[attr-defined]
    assert {column: cell["total"] for column, cell in total.items()} == {
        "unique": 5, "unanswered_without_proposal": 3, "unanswered_with_proposal": 1,
        "partial_later_start": 1, "partial_fewer_days": 1,
    }


def test_without_a_known_working_area_the_request_flag_decides() -> None:
    states = fold_all(FACTS, end_of_day(CUTOFF)).values()
    result = build_yearly_report(desk_id=DESK, year=2025, cutoff=CUTOFF, working_area=(), states=states)
    assert [r.key for r in result.rows] == ["44013", "44021", OUTSIDE]


def test_a_merged_municipality_code_maps_to_its_2025_code() -> None:
    # Melle (44040) merged into Merelbeke-Melle (44088) on 1 January 2025
    facts = [registered("m", "2024-06-01", home="44040", start="2025-02-01")]
    states = fold_all(facts).values()
    result = build_yearly_report(desk_id=DESK, year=2025, cutoff=CUTOFF, working_area=AREA, states=states)
    assert result.row("44088").counts["unique"]["total"] == 1


@settings(max_examples=60, deadline=None)
@given(st.permutations(FACTS))
def test_any_arrival_order_gives_the_same_report(shuffled: list[Fact]) -> None:
    states = fold_all(shuffled, end_of_day(CUTOFF)).values()
    again = build_yearly_report(desk_id=DESK, year=2025, cutoff=CUTOFF, working_area=AREA, states=states)
    assert again == report()


def test_default_cutoff_is_the_last_day_of_february() -> None:
    assert default_cutoff(2023) == date(2024, 2, 29)
    assert default_cutoff(2025) == date(2026, 2, 28)
