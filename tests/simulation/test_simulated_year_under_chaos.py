"""Issue 8, reduced: a simulated year of one small desk played through the public APIs while every
bus service and the broker are SIGKILLed once at seeded moments (the broker losing its whole log).

At the end the exported yearly report equals the simulator's own ground truth — also after a
rebuild of the projection from the log the relays refilled —, every registered request exists in
intake, no notification was planned twice (a mail in flight when notifications was SIGKILLed may be
delivered again with the same Message-ID, and only such), no dead letter is left and every outbox is empty.
Full size: ``make simulate-year`` (see docs/evidence.md)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from infra.local.stack import LocalStack
from infra.simulator.population import REDUCED, generate
from infra.simulator.run import describe, make_stack, simulate

FAMILIES = 100
SEED = 7


@pytest.fixture(scope="module")
def sim_stack() -> Iterator[LocalStack]:
    """A stack of its own: chaos must not hit the suite's shared ``system``, nor its clocks."""
    stack = make_stack(Path(tempfile.mkdtemp(prefix="opvang-sim-")))
    with stack.running():
        yield stack


async def test_a_simulated_year_under_chaos_gives_the_report_of_its_ground_truth(sim_stack: LocalStack) -> None:
    population = generate(replace(REDUCED, families=FAMILIES), seed=SEED)
    result = await simulate(sim_stack, population, chaos_rounds=1)
    print("\n".join(describe(result)))
    findings, summary = result.findings, result.truth.summary()

    assert {e.target for e in result.kills} == {"intake", "offer", "matching", "notifications", "reporting", "tansu"}
    assert any(findings.republish_rounds.values()), "the broker lost its log: the relays republished"
    for what in ("proposals", "allocated", "withdrawn", "declined", "expired", "merged_duplicates", "reopened",
                 "closures"):
        assert summary[what] > 0, f"the year exercised {what}"
    assert findings.totals and all(t["unique"] > 0 for t in findings.totals.values())
    assert findings.report_diffs and not any(findings.report_diffs.values()), findings.report_diffs
    assert findings.rebuild_diffs and not any(findings.rebuild_diffs.values()), findings.rebuild_diffs
    assert findings.missing_requests == []
    assert findings.mails > 0
    assert findings.resends_explained, findings.duplicate_notifications  # only a crash's in-flight mails again
    assert findings.dead_letters == []
    assert not any(findings.outbox_pending.values())
    assert findings.ok


async def test_only_operators_open_desks(sim_stack: LocalStack) -> None:
    intake, identity = sim_stack.url("intake"), sim_stack.url("identity")
    async with httpx.AsyncClient(timeout=30) as http:
        async def bearer(username: str) -> dict[str, str]:
            answer = await http.post(f"{identity}/token", data={"grant_type": "password", "username": username,
                                                                "password": "demo"})
            return {"Authorization": f"Bearer {answer.json()['access_token']}", "Accept-Language": "nl"}

        body = {"desk_id": "desk-test-operators", "name": "Loket Test", "policy": {
            "valid_from": "2026-01-01", "working_area": ["44021"], "provider_response_days": 5,
            "reminder_before_days": 1, "family_answer_days": 10, "earliest_answer_months": 9,
            "max_preferences": 5, "distribution_mode": "all_fitting"}}
        refused = await http.post(f"{intake}/api/v1/desks", json=body, headers=await bearer("loket.gent"))
        assert refused.status_code == 403
        operator = await bearer("operator")
        opened = await http.post(f"{intake}/api/v1/desks", json=body, headers=operator)
        assert opened.status_code == 201, opened.text
        assert opened.json()["version"] == 1 and opened.json()["working_area"] == ["44021"]
        again = await http.post(f"{intake}/api/v1/desks", json=body, headers=operator)
        assert again.status_code == 409
        assert again.json()["error"]["message"] == "Dit loket bestaat al. Er is niets gewijzigd."
        listed = (await http.get(f"{intake}/api/v1/desks")).json()
        assert "desk-test-operators" in [d["desk_id"] for d in listed]
