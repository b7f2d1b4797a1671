"""A provider's API key scoped to one location stays scoped in matching too: the token identity
issues for the key carries the locations, so the key's software reads only that location's part of
the feed and cannot answer or propose for the provider's other locations (issue 4: keys scoped to
its locations)."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import jwt

from infra.local.stack import LocalStack
from tests.e2e.matching.test_request_to_allocation import BRUGSE_POORT, LEDEBERG, password_token
from tests.support.payloads import registration
from tests.support.waiting import eventually

API_KEY_GRANT = "urn:opvangloket:grant-type:api-key"


async def test_a_key_scoped_to_one_location_cannot_act_for_another(system: LocalStack, http: httpx.AsyncClient) -> None:
    owner = await password_token(http, system, "zonnebloem")
    created = await http.post(f"{system.url('offer')}/api/v1/provider/api-keys", headers=owner,
                              json={"label": "brugse poort only", "location_ids": [BRUGSE_POORT]})
    assert created.status_code == 201, created.text
    exchanged = await http.post(f"{system.url('identity')}/token",
                                data={"grant_type": API_KEY_GRANT, "api_key": created.json()["api_key"]})
    assert exchanged.status_code == 200, exchanged.text
    token = exchanged.json()["access_token"]
    assert jwt.decode(token, options={"verify_signature": False})["location_ids"] == [BRUGSE_POORT]
    software = {"Authorization": f"Bearer {token}"}

    wanted = date.today() + timedelta(days=75)
    body = registration(93, wanted_start_date=wanted.isoformat(), child_birth_date="2026-05-15")
    request_id = (await http.post(f"{system.url('intake')}/api/v1/requests", json=body)).json()["request_id"]
    matching = system.url("matching")

    async def owner_feed() -> set[str]:
        feed = (await http.get(f"{matching}/api/v1/provider/requests", params={"limit": 500}, headers=owner)).json()
        return {i["location_id"] for i in feed["items"] if i["request_id"] == request_id}

    await eventually(owner_feed, until=lambda told: {BRUGSE_POORT, LEDEBERG} <= told, what="both locations told")
    feed = (await http.get(f"{matching}/api/v1/provider/requests", params={"limit": 500}, headers=software)).json()
    assert {i["location_id"] for i in feed["items"]} == {BRUGSE_POORT}

    other = await http.post(f"{matching}/api/v1/provider/requests/{request_id}/responses", headers=software,
                            json={"location_id": LEDEBERG, "answer": "cannot", "reason_code": "full"})
    assert other.status_code == 403, other.text
    ranking = await http.get(f"{matching}/api/v1/locations/{LEDEBERG}/ranking", headers=software)
    assert ranking.status_code == 403
    own = await http.post(f"{matching}/api/v1/provider/requests/{request_id}/responses", headers=software,
                          json={"location_id": BRUGSE_POORT, "answer": "can_propose"})
    assert own.status_code == 201, own.text
