"""A closing location reopens its families' requests as urgent; a location's ranking follows the
rules in force at each registration, then registration time, then the desk's recorded lottery."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

import pytest

from contracts.events.intake import PriorityRule
from contracts.events.offer import LocationClosed
from contracts.types import CategoryFlags
from tests.integration.matching.harness import Harness
from tests.integration.matching.world import DESK, PROVIDER, location, policy, request

pytestmark = [pytest.mark.postgres]

DESK_WORKER: dict[str, Any] = {"desk_ids": [DESK]}


async def test_a_closed_location_reopens_its_families_requests_as_urgent(matching: Harness) -> None:
    await matching.publish(policy(distribution_mode="preferences_only"), location("closing"), location("other"))
    await matching.publish(request("r1", days=("mon",)), request("r2", days=("tue",)))
    provider = matching.token("organisator", provider_id=PROVIDER)
    made = await matching.http.post("/api/v1/provider/requests/r1/proposals", headers=provider, json={
        "location_id": "closing", "start_date": "2027-03-01", "care_pattern": {"days": [{"weekday": "mon"}]}})
    await matching.http.post(f"/api/v1/proposals/{made.json()['proposal_id']}/accept",
                             headers=matching.token("ouder", request_ids=["r1"]))
    pending = await matching.http.post("/api/v1/provider/requests/r2/proposals", headers=provider, json={
        "location_id": "closing", "start_date": "2027-03-01", "care_pattern": {"days": [{"weekday": "tue"}]}})
    assert pending.status_code == 201
    await matching.publish(LocationClosed(location_id="closing", provider_id=PROVIDER, nis_code="44021",
                                          closed_on=date(2026, 12, 1), reason="licence_withdrawn",
                                          closed_at=datetime(2026, 11, 23, 10, tzinfo=UTC)))
    [cancelled] = await matching.emitted("AllocationCancelled")
    assert cancelled["data"]["reason"] == "location_closed"
    [reopened] = await matching.emitted("RequestReopened")
    assert reopened["data"] == {**reopened["data"], "request_id": "r1", "urgent": True}
    [withdrawn] = await matching.emitted("ProposalWithdrawn")
    assert withdrawn["data"]["reason"] == "location_closed" and withdrawn["data"]["request_id"] == "r2"
    last = (await matching.emitted("RequestDistributed"))[-1]
    assert last["data"]["request_id"] == "r1" and last["data"]["mode"] == "broadcast_urgent"
    assert [r["location_id"] for r in last["data"]["recipients"]] == ["other"]


async def test_ranking_by_rules_at_registration_then_time_then_recorded_lottery(matching: Harness) -> None:
    annulled = policy(version=2, valid_from=date(2025, 4, 30), priority_rules=(), vulnerable_quota_percent=0)
    strict = policy(priority_rules=(PriorityRule(code="low_income", weight=20),), vulnerable_quota_percent=50)
    await matching.publish(strict, annulled, location("loc"))
    same_time = datetime(2025, 6, 1, 9, tzinfo=UTC)
    await matching.publish(
        request("old-rules", registered=datetime(2025, 3, 1, tzinfo=UTC), priority_codes=("low_income",)),
        request("new-rules", registered=datetime(2025, 5, 1, tzinfo=UTC), priority_codes=("low_income",),
                policy_version=2),
        request("tie-a", registered=same_time, policy_version=2),
        request("tie-b", registered=same_time, policy_version=2),
        request("earliest", registered=datetime(2025, 1, 1, tzinfo=UTC), policy_version=2,
                categories=CategoryFlags(vulnerable_family=True)),
    )
    answer = await matching.http.get("/api/v1/locations/loc/ranking",
                                     headers=matching.token("organisator", provider_id=PROVIDER))
    assert answer.status_code == 200, answer.text
    entries = answer.json()["entries"]
    lottery = (await matching.http.get(f"/api/v1/desks/{DESK}/lottery",
                                       headers=matching.token("loketmedewerker", **DESK_WORKER))).json()
    ticket = {t["request_id"]: t["ticket"] for t in lottery["tickets"]}
    for request_id, value in ticket.items():
        assert value == hashlib.sha256(f"{lottery['seed']}:{request_id}".encode()).hexdigest()[:16]
    ties = sorted(("tie-a", "tie-b"), key=ticket.__getitem__)
    assert [e["request_id"] for e in entries] == ["old-rules", "earliest", "new-rules", *ties]
    assert entries[0]["score"] == 20 and entries[2]["score"] == 0, "rules judged at each registration"
    assert not any(e["by_quota"] for e in entries), "the quota did not exist for requests registered in v2"
    other_desk = await matching.http.get("/api/v1/locations/loc/ranking",
                                         headers=matching.token("loketmedewerker", desk_ids=["elsewhere"]))
    assert other_desk.status_code == 403
