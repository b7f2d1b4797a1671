"""Hub figures per municipality and month: stock at each month's end, flows within the month,
small counts suppressed, and the same facts always give the same figures."""

from __future__ import annotations

import random

import pytest

from services.reporting.domain.hub_stats import municipality_months, suppress
from tests.unit.reporting.builders import allocated, at, proposed, registered, withdrawn

FACTS = [
    registered("a", "2025-01-10"),
    registered("b", "2025-01-20"),
    registered("c", "2025-02-05"),
    registered("elsewhere", "2025-02-06", home="44013"),
    proposed("b", "2025-02-10", "pb"),
    allocated("b", "2025-03-01", proposal="pb"),
    withdrawn("c", "2025-03-15"),
]


def test_months_from_first_registration_to_the_horizon() -> None:
    months = municipality_months("44021", FACTS, at("2025-04-02"))
    assert [m.month for m in months] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    figures = {m.month: (m.requests_registered, m.requests_open, m.places_allocated, m.unanswered_without_proposal)
               for m in months}
    assert figures == {
        "2025-01": (2, 2, 0, 2),
        "2025-02": (1, 3, 0, 2),
        "2025-03": (0, 1, 1, 1),
        "2025-04": (0, 1, 0, 1),
    }


def test_computed_at_is_the_latest_fact_counted() -> None:
    months = {m.month: m for m in municipality_months("44021", FACTS, at("2025-04-02"))}
    assert months["2025-01"].computed_at == at("2025-01-20")
    assert months["2025-04"].computed_at == at("2025-03-15")


def test_same_facts_in_another_order_same_figures() -> None:
    shuffled = list(FACTS)
    random.Random(7).shuffle(shuffled)
    horizon = at("2025-04-02")
    assert municipality_months("44021", shuffled, horizon) == municipality_months("44021", FACTS, horizon)


def test_a_municipality_without_families_has_no_figures() -> None:
    assert municipality_months("24062", FACTS, at("2025-04-02")) == []


@pytest.mark.parametrize(("value", "threshold", "shown"), [
    (0, 5, 0), (1, 5, None), (4, 5, None), (5, 5, 5), (17, 5, 17), (2, 1, 2), (9, 10, None),
])
def test_suppression(value: int, threshold: int, shown: int | None) -> None:
    assert suppress(value, threshold) == shown
