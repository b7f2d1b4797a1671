"""End to end over the real bus: a family registers at intake, matching distributes the request
to the fitting demo locations, a provider proposes at two of its locations through the provider
API, the family accepts one through its personal link: PlaceAllocated is on the bus, the other
proposal is withdrawn, and intake shows the request as allocated."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from infra.demo.data import DESK_GENT, PROVIDER_ZONNEBLOEM, demo_id
from infra.local.stack import LocalStack
from services.identity.accounts import client_secret
from tests.support.bus import read_events
from tests.support.payloads import registration
from tests.support.tokens import password_token
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]
BRUGSE_POORT = demo_id("location:zonnebloem-brugse-poort")
LEDEBERG = demo_id("location:zonnebloem-ledeberg")



async def parent_link(http: httpx.AsyncClient, system: LocalStack, request_id: str) -> dict[str, str]:
    answer = await http.post(f"{system.url('identity')}/token", data={
        "grant_type": "urn:opvangloket:grant-type:parent-link", "client_id": "intake",
        "client_secret": client_secret("intake"), "subject": "family-e2e", "request_ids": request_id,
        "lifetime_seconds": 3600, "locale": "nl"})
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def matching_events(system: LocalStack, request_id: str) -> list[dict[str, Any]]:
    events = await read_events(system.bootstrap_servers, "matching.request.v1", partitions=6, timeout_ms=300)
    return [e for e in events if e["subject"] == request_id]


async def test_from_registration_to_allocation_with_the_other_proposal_withdrawn(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    wanted = date.today() + timedelta(days=70)
    body = registration(90, wanted_start_date=wanted.isoformat(), child_birth_date="2026-05-01")
    registered = await http.post(f"{system.url('intake')}/api/v1/requests", json=body)
    assert registered.status_code == 201, registered.text
    request_id = registered.json()["request_id"]
    matching = system.url("matching")
    desk = await password_token(http, system, "loket.gent")

    async def overview() -> dict[str, Any]:
        answer = await http.get(f"{matching}/api/v1/requests/{request_id}/overview", headers=desk)
        return answer.json() if answer.status_code == 200 else {}

    seen = await eventually(overview, until=lambda o: bool(o.get("distribution")), what="request distributed")
    assert seen["desk_id"] == DESK_GENT
    told = {d["location_id"] for d in seen["distribution"][0]["decisions"] if d["included"]}
    assert {BRUGSE_POORT, LEDEBERG} <= told

    provider = await password_token(http, system, "zonnebloem")
    mine, cursor = [], 0
    while True:  # the provider's software pages through its feed with the cursor
        feed = (await http.get(f"{matching}/api/v1/provider/requests", params={"cursor": cursor, "limit": 500},
                               headers=provider)).json()
        mine += [item for item in feed["items"] if item["request_id"] == request_id]
        if feed["next_cursor"] == cursor:
            break
        cursor = feed["next_cursor"]
    assert {item["location_id"] for item in mine} >= {BRUGSE_POORT, LEDEBERG}
    assert all("child_first_name" not in item and item["answer_due"] for item in mine)
    answered = await http.post(f"{matching}/api/v1/provider/requests/{request_id}/responses", headers=provider,
                               json={"location_id": BRUGSE_POORT, "answer": "can_propose"})
    assert answered.status_code == 201, answered.text
    proposals = []
    for location_id in (BRUGSE_POORT, LEDEBERG):
        once = {**provider, "Idempotency-Key": f"{request_id}-{location_id}"}
        proposal = {"location_id": location_id, "start_date": wanted.isoformat(), "care_pattern": body["care_pattern"]}
        made = await http.post(f"{matching}/api/v1/provider/requests/{request_id}/proposals", headers=once,
                               json=proposal)
        assert made.status_code == 201, made.text
        retried = await http.post(f"{matching}/api/v1/provider/requests/{request_id}/proposals", headers=once,
                                  json=proposal)
        assert retried.json() == made.json() and retried.headers.get("idempotent-replayed") == "true"
        proposals.append(made.json())

    async def allocated_at_ledeberg() -> dict[str, int]:
        free = (await http.get(f"{system.url('offer')}/api/v1/locations/{LEDEBERG}/free-places",
                               params={"from": wanted.isoformat()})).json()
        return {day["weekday"]: day["allocated"] for day in free["days"]}

    before = await allocated_at_ledeberg()
    family = await parent_link(http, system, request_id)
    listed = (await http.get(f"{matching}/api/v1/requests/{request_id}/proposals", headers=family)).json()
    assert {p["status"] for p in listed} == {"pending"} and len(listed) == 2
    accepted = await http.post(f"{matching}/api/v1/proposals/{proposals[1]['proposal_id']}/accept", headers=family)
    assert accepted.status_code == 200, accepted.text

    events = await eventually(lambda: matching_events(system, request_id),
                              until=lambda e: {"PlaceAllocated", "ProposalWithdrawn"} <= {x["type"] for x in e},
                              what="allocation and withdrawal on the bus")
    by_type = {e["type"]: e["data"] for e in events}
    assert by_type["PlaceAllocated"]["location_id"] == LEDEBERG
    assert by_type["PlaceAllocated"]["provider_id"] == PROVIDER_ZONNEBLOEM
    assert by_type["ProposalWithdrawn"] == {**by_type["ProposalWithdrawn"], "reason": "other_accepted",
                                            "proposal_id": proposals[0]["proposal_id"]}
    assert [e["type"] for e in events].count("ProposalMade") == 2

    async def intake_status() -> str:  # the family, through its own link, sees the allocation in intake
        answer = await http.get(f"{system.url('intake')}/api/v1/requests/{request_id}/status", headers=family)
        return str(answer.json().get("status"))

    await eventually(intake_status, until=lambda s: s == "allocated", what="intake sees the allocation")
    asked = {d["weekday"] for d in body["care_pattern"]["days"]}
    expected = {day: count + (day in asked) for day, count in before.items()}
    await eventually(allocated_at_ledeberg, until=lambda now: now == expected,
                     what="offer counts the allocated place on the asked weekdays")
