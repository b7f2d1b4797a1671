"""Which columns of Opgroeien's form one request counts in, as of the cut-off (SPEC section 5).

Every row of the table is one life of a request; the cut-off is 28 February 2026 for year 2025.
"""

from __future__ import annotations

import pytest

from services.reporting.domain.calendar import default_cutoff, end_of_day
from services.reporting.domain.columns import Column, columns_of
from services.reporting.domain.facts import Fact, FactKind
from services.reporting.domain.state import fold
from tests.unit.reporting.builders import (
    allocated,
    answered,
    cancelled,
    merge_undone,
    merged,
    proposed,
    registered,
    reopened,
    withdrawn,
)

U = Column.UNIQUE
NONE = Column.UNANSWERED_WITHOUT_PROPOSAL
WITH = Column.UNANSWERED_WITH_PROPOSAL
LATER = Column.PARTIAL_LATER_START
FEWER = Column.PARTIAL_FEWER_DAYS
CUTOFF = end_of_day(default_cutoff(2025))

CASES: list[tuple[str, list[Fact], set[Column]]] = [
    ("registered, nothing else", [registered("r", "2025-03-01")], {U, NONE}),
    ("original start next year", [registered("r", "2025-03-01", start="2026-01-05")], set()),
    ("original start last year", [registered("r", "2024-10-01", start="2024-12-31")], set()),
    ("start on 1 January counts", [registered("r", "2024-10-01", start="2025-01-01")], {U, NONE}),
    ("start on 31 December counts", [registered("r", "2025-10-01", start="2025-12-31")], {U, NONE}),
    ("registered after the cut-off", [registered("r", "2026-03-01")], set()),
    ("registered on the cut-off day", [registered("r", "2026-02-28")], {U, NONE}),
    ("withdrawn before the cut-off", [registered("r", "2025-03-01"), withdrawn("r", "2025-06-01")], {U}),
    ("withdrawn after the cut-off counts as it stood",
     [registered("r", "2025-03-01"), withdrawn("r", "2026-03-02")], {U, NONE}),
    ("pending proposal", [registered("r", "2025-03-01"), proposed("r", "2025-05-01", "p1")], {U, WITH}),
    ("declined proposal",
     [registered("r", "2025-03-01"), proposed("r", "2025-05-01", "p1"),
      answered(FactKind.DECLINED, "r", "2025-05-03", "p1")], {U, WITH}),
    ("expired proposal",
     [registered("r", "2025-03-01"), proposed("r", "2025-05-01", "p1"),
      answered(FactKind.EXPIRED, "r", "2025-05-12", "p1")], {U, WITH}),
    ("proposal after the cut-off is not seen",
     [registered("r", "2025-03-01"), proposed("r", "2026-03-01", "p1")], {U, NONE}),
    ("several proposals then acceptance as asked",
     [registered("r", "2025-03-01"), proposed("r", "2025-04-01", "p1"),
      answered(FactKind.DECLINED, "r", "2025-04-03", "p1"), proposed("r", "2025-05-01", "p2"),
      proposed("r", "2025-05-02", "p3"), allocated("r", "2025-05-04", proposal="p3"),
      answered(FactKind.PROPOSAL_WITHDRAWN, "r", "2025-05-04", "p2")], {U}),
    ("allocated after the cut-off counts as unanswered with proposal",
     [registered("r", "2025-03-01"), proposed("r", "2026-02-20", "p1"), allocated("r", "2026-03-03")],
     {U, WITH}),
    ("start exactly one month later",
     [registered("r", "2025-03-01", start="2025-03-15"), allocated("r", "2025-03-02", start="2025-04-15",
                                                                   original="2025-03-15")], {U, LATER}),
    ("start one day less than a month later",
     [registered("r", "2025-03-01", start="2025-03-15"), allocated("r", "2025-03-02", start="2025-04-14",
                                                                   original="2025-03-15")], {U}),
    ("31 January to 28 February is a month",
     [registered("r", "2024-12-01", start="2025-01-31"), allocated("r", "2025-01-02", start="2025-02-28",
                                                                   original="2025-01-31")], {U, LATER}),
    ("31 January to 27 February is not",
     [registered("r", "2024-12-01", start="2025-01-31"), allocated("r", "2025-01-02", start="2025-02-27",
                                                                   original="2025-01-31")], {U}),
    ("half a day less than asked", [registered("r", "2025-03-01"), allocated("r", "2025-04-01", given=2.5)],
     {U, FEWER}),
    ("more days than asked is not partial",
     [registered("r", "2025-03-01"), allocated("r", "2025-04-01", given=4.0)], {U}),
    ("both later and fewer days",
     [registered("r", "2025-03-01", start="2025-09-01"),
      allocated("r", "2025-04-01", start="2025-11-03", given=2.0)], {U, LATER, FEWER}),
    ("allocation cancelled", [registered("r", "2025-03-01"), allocated("r", "2025-04-01"),
                              cancelled("r", "2025-05-01")], {U, WITH}),
    ("allocation cancelled after the cut-off", [registered("r", "2025-03-01"), allocated("r", "2025-04-01"),
                                                cancelled("r", "2026-03-05")], {U}),
    ("reopened when the location closed", [registered("r", "2025-03-01"), allocated("r", "2025-04-01"),
                                          reopened("r", "2025-10-01")], {U, WITH}),
    ("merged duplicate does not count", [registered("r", "2025-03-01"), merged("r", "s", "2025-03-05")], set()),
    ("merge undone counts again", [registered("r", "2025-03-01"), merged("r", "s", "2025-03-05"),
                                   merge_undone("r", "s", "2025-03-09")], {U, NONE}),
    ("merged after the cut-off still counts",
     [registered("r", "2025-03-01"), merged("r", "s", "2026-03-05")], {U, NONE}),
    ("start moved by an update: the original start decides",
     [registered("r", "2025-03-01", start="2025-12-01"),
      registered("r", "2025-06-01", start="2025-12-01", updated=True)], {U, NONE}),
    ("facts about an unknown request count nowhere", [proposed("r", "2025-05-01", "p1")], set()),
]


@pytest.mark.parametrize(("facts", "expected"), [(f, e) for _, f, e in CASES], ids=[c[0] for c in CASES])
def test_columns(facts: list[Fact], expected: set[Column]) -> None:
    assert columns_of(fold("r", facts, CUTOFF), 2025) == expected


@pytest.mark.parametrize(("facts", "expected"), [(f, e) for _, f, e in CASES], ids=[c[0] for c in CASES])
def test_arrival_order_does_not_matter(facts: list[Fact], expected: set[Column]) -> None:
    assert columns_of(fold("r", list(reversed(facts)), CUTOFF), 2025) == expected


def test_reopened_request_becomes_urgent() -> None:
    state = fold("r", [registered("r", "2025-03-01"), allocated("r", "2025-04-01"), reopened("r", "2025-10-01")])
    assert state.category_names() == ("urgent",)


def test_three_flags_are_three_categories() -> None:
    state = fold("r", [registered("r", "2025-03-01", flags=("urgent", "vulnerable_family", "atypical_hours"))])
    assert state.category_names() == ("atypical_hours", "urgent", "vulnerable_family")


def test_an_update_after_the_cut_off_is_ignored() -> None:
    facts = [registered("r", "2025-03-01", home="44021"),
             registered("r", "2026-03-10", home="44013", flags=("urgent",), updated=True)]
    state = fold("r", facts, CUTOFF)
    assert state.info is not None
    assert (state.info.home_nis, state.urgent) == ("44021", False)
