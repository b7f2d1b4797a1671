"""Proposal rules and the family's answers over HTTP, against a real database (issue 5, part 3)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from contracts.types import Preferences
from tests.integration.matching.harness import Harness
from tests.integration.matching.world import DESK, OTHER_PROVIDER, PROVIDER, location, policy, request

pytestmark = [pytest.mark.postgres]

PROVIDER_CLAIMS = {"provider_id": PROVIDER}


async def setup(matching: Harness, **policy_overrides: Any) -> None:
    await matching.publish(policy(**policy_overrides), location("zon-a", places=1), location("zon-b"),
                           location("kab", provider=OTHER_PROVIDER))
    await matching.publish(request("r1"), request("r2"), request("later", wanted=date(2028, 1, 10)))


async def propose(matching: Harness, request_id: str, location_id: str = "zon-a", *,
                  start: str = "2027-03-01", days: tuple[str, ...] = ("mon", "tue", "thu"),
                  provider: str = PROVIDER, lang: str = "nl") -> Any:
    headers = {**matching.token("organisator", provider_id=provider), "Accept-Language": lang}
    body = {"location_id": location_id, "start_date": start,
            "care_pattern": {"days": [{"weekday": d} for d in days]}}
    return await matching.http.post(f"/api/v1/provider/requests/{request_id}/proposals", json=body, headers=headers)


def parent(matching: Harness, *request_ids: str) -> dict[str, str]:
    return matching.token("ouder", subject="parent-1", request_ids=list(request_ids))


async def test_a_proposal_respects_window_capacity_start_and_ownership(matching: Harness) -> None:
    await setup(matching)
    too_early = await propose(matching, "later", start="2028-01-10")
    assert too_early.status_code == 422
    assert too_early.json()["error"]["message"] == (
        "Nog te vroeg: het loket laat voorstellen toe vanaf 2027-04-10 (9 maanden voor de gewenste start).")
    before_wanted = await propose(matching, "r1", start="2027-02-01", lang="fr")
    assert before_wanted.json()["error"]["code"] == "start_before_wanted"
    assert "date de début" in before_wanted.json()["error"]["message"]
    not_mine = await propose(matching, "r1", "kab", lang="en")
    assert not_mine.status_code == 403
    assert not_mine.json()["error"]["message"] == "This childcare location does not belong to your organisation."
    assert (await propose(matching, "r1")).status_code == 201
    twice = await propose(matching, "r1")
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "already_proposed"
    full = await propose(matching, "r2")  # one place at zon-a, held by the pending proposal to r1
    assert full.status_code == 409
    assert full.json()["error"]["message"] == "Er is geen vrije plaats op deze dagen: mon, thu, tue."
    assert len(await matching.emitted("ProposalMade")) == 1, "refused proposals leave nothing behind"


async def test_accepting_allocates_and_withdraws_the_family_s_other_proposals(matching: Harness) -> None:
    await setup(matching)
    first = (await propose(matching, "r1")).json()
    matching.clock.advance(timedelta(minutes=5))
    second = (await propose(matching, "r1", "zon-b", start="2027-04-01", days=("mon", "tue"))).json()
    assert second["partial"] == {"later_start": True, "fewer_days": True}
    listed = await matching.http.get("/api/v1/requests/r1/proposals", headers=parent(matching, "r1"))
    assert [p["proposal_id"] for p in listed.json()] == [second["proposal_id"], first["proposal_id"]]
    accepted = await matching.http.post(f"/api/v1/proposals/{second['proposal_id']}/accept",
                                        headers=parent(matching, "r1"))
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["partial"] == {"later_start": True, "fewer_days": True}
    [allocated] = await matching.emitted("PlaceAllocated")
    assert allocated["data"]["requested_days_per_week"] == 3 and allocated["data"]["allocated_days_per_week"] == 2
    [withdrawn] = await matching.emitted("ProposalWithdrawn")
    assert withdrawn["data"] == {**withdrawn["data"], "proposal_id": first["proposal_id"], "reason": "other_accepted"}
    again = await matching.http.post(f"/api/v1/proposals/{first['proposal_id']}/accept",
                                     headers=parent(matching, "r1"))
    assert again.status_code == 409 and again.json()["error"]["code"] == "proposal_not_pending"
    feed = (await matching.http.get("/api/v1/provider/requests?cursor=0",
                                    headers=matching.token("organisator", **PROVIDER_CLAIMS))).json()
    changes = [(i["request_id"], i["location_id"], i["change"]) for i in feed["items"] if i["request_id"] == "r1"]
    assert ("r1", "zon-a", "distributed") in changes and ("r1", "zon-a", "closed") in changes


async def test_only_the_family_and_its_desk_answer(matching: Harness) -> None:
    await setup(matching)
    proposal = (await propose(matching, "r1")).json()
    url = f"/api/v1/proposals/{proposal['proposal_id']}/decline"
    other_parent = await matching.http.post(url, json={"reason": "too_far"}, headers=parent(matching, "r2"))
    provider = await matching.http.post(url, json={"reason": "too_far"},
                                        headers=matching.token("organisator", **PROVIDER_CLAIMS))
    other_desk = await matching.http.post(url, json={"reason": "too_far"},
                                          headers=matching.token("loketmedewerker", desk_ids=["elsewhere"]))
    assert {other_parent.status_code, provider.status_code, other_desk.status_code} == {403}
    bad = await matching.http.post(url, json={"reason": "because"}, headers=parent(matching, "r1"))
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["code"] == "bad_choice"
    desk = await matching.http.post(url, json={"reason": "too_far"},
                                    headers=matching.token("loketmedewerker", desk_ids=[DESK]))
    assert desk.status_code == 200 and desk.json()["status"] == "declined"
    [declined] = await matching.emitted("ProposalDeclined")
    assert declined["data"]["reason"] == "too_far"


async def test_a_pattern_that_is_not_a_subset_needs_the_family_s_consent(matching: Harness) -> None:
    await setup(matching)
    proposal = (await propose(matching, "r1", "zon-b", days=("mon", "wed"))).json()
    assert proposal["deviation"] is True
    url = f"/api/v1/proposals/{proposal['proposal_id']}/accept"
    refused = await matching.http.post(url, headers=parent(matching, "r1"))
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "deviation_not_accepted"
    assert await matching.emitted("PlaceAllocated") == []
    ok = await matching.http.post(url, json={"accept_deviation": True}, headers=parent(matching, "r1"))
    assert ok.status_code == 200


async def test_an_unanswered_proposal_expires_after_the_family_s_period(matching: Harness) -> None:
    await setup(matching)
    proposal = (await propose(matching, "r1")).json()
    assert proposal["answer_due"] == (matching.clock.today() + timedelta(days=10)).isoformat()
    other = (await propose(matching, "r2", "zon-b")).json()
    matching.clock.advance(timedelta(days=11))
    late = await matching.http.post(f"/api/v1/proposals/{proposal['proposal_id']}/accept",
                                    headers=parent(matching, "r1"))
    assert late.status_code == 409 and late.json()["error"]["code"] == "proposal_expired"
    job = await matching.http.post("/internal/jobs/expire-proposals", headers=matching.token("service"))
    assert job.json() == {"expired": 1}
    expired = await matching.emitted("ProposalExpired")
    assert [e["data"]["proposal_id"] for e in expired] == [proposal["proposal_id"], other["proposal_id"]]
    freed = await propose(matching, "r2", start="2027-03-01")
    assert freed.status_code == 201, "an expired proposal no longer holds its place"


async def test_a_family_may_stay_listed_for_a_higher_preference(matching: Harness) -> None:
    await matching.publish(policy(), location("first-choice"), location("second-choice"))
    await matching.publish(request("r9", preferences=Preferences(mode="ranked",
                                                                 location_ids=("first-choice", "second-choice"))))
    second = (await propose(matching, "r9", "second-choice")).json()
    await matching.http.post(f"/api/v1/proposals/{second['proposal_id']}/accept",
                             json={"stay_listed_for_higher_preference": True}, headers=parent(matching, "r9"))
    [allocated] = await matching.emitted("PlaceAllocated")
    assert allocated["data"]["stays_listed_for_higher_preference"] is True
    assert (await propose(matching, "r9", "second-choice")).json()["error"]["code"] == "request_not_open"
    first = await propose(matching, "r9", "first-choice")
    assert first.status_code == 201, first.text
    await matching.http.post(f"/api/v1/proposals/{first.json()['proposal_id']}/accept",
                             headers=parent(matching, "r9"))
    cancelled = await matching.emitted("AllocationCancelled")
    assert [c["data"]["allocation_id"] for c in cancelled] == [allocated["data"]["allocation_id"]]
    assert len(await matching.emitted("PlaceAllocated")) == 2
