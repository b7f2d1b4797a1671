"""A reduced synthetic Flanders (the benchmark's generator, small): correctness only, no timings."""

from __future__ import annotations

from datetime import date

from bench.matching_synthetic import generate
from services.matching.domain.round.build import build_instance
from services.matching.domain.round.deferred_acceptance import run_round
from services.matching.domain.round.reasons import unmatched_reasons
from services.matching.domain.round.stability import check
from services.matching.domain.slots import SLOT_COUNT


def test_a_reduced_flanders_round_is_feasible_stable_and_explains_every_unmatched_child() -> None:
    synthetic = generate(n_locations=150, n_requests=900, region="Gent", seed=11)
    instance, _ = build_instance(synthetic.requests, synthetic.locations, start_on=date(2027, 9, 1),
                                 max_preferences=8, quota_percent=20)
    outcome = run_round(instance)
    report = check(instance, outcome.assignment)
    assert outcome.converged and report.feasible and report.stable
    reasons = unmatched_reasons(instance, outcome)
    assert len(reasons) + len(outcome.assignment) == len(instance.children)
    assert instance.groups and outcome.assignment and reasons
    used = [[0] * SLOT_COUNT for _ in instance.locations]
    for child, loc in outcome.assignment.items():
        for s in instance.children[child].slots:
            used[loc][s] += 1
    for loc, row in enumerate(used):
        assert all(u <= c for u, c in zip(row, instance.locations[loc].capacity, strict=True))
