"""A central allocation round over the API: a draft with reasons and a stability proof, then
proposals once the desk confirms (issue 5, part 4)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from contracts.types import Preferences
from tests.integration.matching.harness import Harness
from tests.integration.matching.world import DESK, location, policy, request

pytestmark = [pytest.mark.postgres]

DESK_WORKER: dict[str, Any] = {"desk_ids": [DESK]}


def ranked(*ids: str) -> Preferences:
    return Preferences(mode="ranked", location_ids=ids)


async def test_a_round_places_children_keeps_twins_together_and_explains_the_rest(matching: Harness) -> None:
    await matching.publish(policy(central_allocation=True), location("big", places=2), location("small", places=1))
    await matching.publish(
        request("twin-1", preferences=ranked("small", "big"), sibling_request_ids=("twin-2",),
                place_siblings_together=True, priority_codes=("low_income",)),
        request("twin-2", preferences=ranked("small", "big"), sibling_request_ids=("twin-1",),
                place_siblings_together=True),
        request("solo", preferences=ranked("big", "small"), registered=datetime(2026, 9, 1, tzinfo=UTC)),
        request("wednesdays", days=("wed",), preferences=ranked("small")),
        request("late", preferences=ranked("small"), wanted=date(2028, 6, 1)),
        request("unlucky", preferences=ranked("small")),
    )
    headers = matching.token("loketmedewerker", **DESK_WORKER)
    run = await matching.http.post(f"/api/v1/desks/{DESK}/rounds", json={"start_on": "2027-03-01"}, headers=headers)
    assert run.status_code == 201, run.text
    summary = run.json()["summary"]
    assert summary["feasible"] and summary["stable"] and summary["converged"]
    detail = (await matching.http.get(f"/api/v1/rounds/{run.json()['round_id']}", headers=headers)).json()
    placed = {p["request_id"]: p["location_id"] or p["reason"] for p in detail["placements"]}
    assert placed == {"twin-1": "big", "twin-2": "big", "solo": "small", "wednesdays": "small",
                      "late": "not_yet_in_window", "unlucky": "outranked"}
    assert await matching.emitted("ProposalMade") == [], "a draft changes nothing"
    confirmed = await matching.http.post(f"/api/v1/rounds/{run.json()['round_id']}/confirm", headers=headers)
    assert confirmed.json()["confirmation"] == {"proposed": 4}
    made = await matching.emitted("ProposalMade")
    assert {m["data"]["request_id"] for m in made} == {"twin-1", "twin-2", "solo", "wednesdays"}
    assert {m["data"]["made_by"] for m in made} == {"allocation_round"}
    again = await matching.http.post(f"/api/v1/rounds/{run.json()['round_id']}/confirm", headers=headers)
    assert again.status_code == 409 and again.json()["error"]["code"] == "round_not_draft"


async def test_only_desks_that_allocate_centrally_run_rounds(matching: Harness) -> None:
    await matching.publish(policy(central_allocation=False))
    refused = await matching.http.post(f"/api/v1/desks/{DESK}/rounds", json={"start_on": "2027-03-01"},
                                       headers={**matching.token("loketmedewerker", **DESK_WORKER),
                                                "Accept-Language": "en"})
    assert refused.status_code == 409
    assert refused.json()["error"]["message"].startswith("This desk does not allocate centrally")
    other = await matching.http.post(f"/api/v1/desks/{DESK}/rounds", json={"start_on": "2027-03-01"},
                                     headers=matching.token("loketmedewerker", desk_ids=["elsewhere"]))
    assert other.status_code == 403
