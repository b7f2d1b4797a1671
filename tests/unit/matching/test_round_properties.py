"""Properties of the central allocation round that must hold on every instance (hypothesis)."""

from __future__ import annotations

import copy

from hypothesis import given, settings

from services.matching.domain.round.deferred_acceptance import run_round
from services.matching.domain.round.instance import RoundInstance
from services.matching.domain.round.reasons import unmatched_reasons
from services.matching.domain.round.stability import check
from services.matching.domain.slots import SLOT_COUNT
from tests.unit.matching.round_strategies import instances

PROFILE = settings(max_examples=120, deadline=None)


@PROFILE
@given(instances())
def test_capacity_is_never_exceeded_on_any_slot(instance: RoundInstance) -> None:
    outcome = run_round(instance)
    used = [[0] * SLOT_COUNT for _ in instance.locations]
    for child, loc in outcome.assignment.items():
        for slot in instance.children[child].slots:
            used[loc][slot] += 1
    for loc, location in enumerate(instance.locations):
        assert all(used[loc][s] <= location.capacity[s] for s in range(SLOT_COUNT))


@PROFILE
@given(instances())
def test_every_child_gets_its_whole_pattern_at_a_listed_location_and_siblings_stay_together(
    instance: RoundInstance,
) -> None:
    outcome = run_round(instance)
    for child, loc in outcome.assignment.items():
        assert loc in instance.children[child].prefs
    for group in instance.groups:
        places = {outcome.assignment.get(member, -1) for member in group}
        assert len(places) == 1, f"siblings {group} split over {places}"
    assert check(instance, outcome.assignment).feasible


@PROFILE
@given(instances())
def test_a_converged_round_has_no_blocking_pair_except_those_siblings_force(instance: RoundInstance) -> None:
    outcome = run_round(instance)
    report = check(instance, outcome.assignment)
    if outcome.converged:
        assert report.stable, report.blocking
    if not instance.groups:
        assert not any(pair.sibling_constraint for pair in report.blocking)


@PROFILE
@given(instances(siblings=False, quota=False))
def test_with_one_common_order_the_round_always_converges_and_is_stable(instance: RoundInstance) -> None:
    outcome = run_round(instance)
    assert outcome.converged
    report = check(instance, outcome.assignment)
    assert report.stable and not report.blocking


@PROFILE
@given(instances())
def test_same_instance_same_result(instance: RoundInstance) -> None:
    first = run_round(instance)
    again = run_round(copy.deepcopy(instance))
    assert first.assignment == again.assignment
    assert unmatched_reasons(instance, first) == unmatched_reasons(instance, again)


@PROFILE
@given(instances())
def test_every_unmatched_child_has_a_reason_and_matched_ones_none(instance: RoundInstance) -> None:
    outcome = run_round(instance)
    reasons = unmatched_reasons(instance, outcome)
    assert set(reasons) | set(outcome.assignment) == set(range(len(instance.children)))
    assert not set(reasons) & set(outcome.assignment)
