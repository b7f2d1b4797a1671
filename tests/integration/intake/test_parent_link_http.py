"""A family with its personal link (handed over by the desk): change preferences, withdraw, nothing else."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import httpx

from contracts.events.intake import REQUEST_TOPIC
from tests.integration.intake.conftest import AloneIntake
from tests.integration.intake.helpers import bearer, field_codes, user_token
from tests.support.bus import read_all
from tests.support.payloads import registration
from tests.support.waiting import eventually


async def test_the_family_changes_preferences_and_withdraws_with_its_link_only(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url = intake_alone.url
    desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
    mine = (await http.post(f"{url}/api/v1/requests", json=registration(70))).json()["request_id"]
    other = (await http.post(f"{url}/api/v1/requests", json=registration(71))).json()["request_id"]
    handed = (await http.post(f"{url}/api/v1/requests/{mine}/link", json={}, headers=desk)).json()
    family = bearer(urlparse(handed["url"]).path.rsplit("/", 1)[-1], **{"Accept-Language": "en"})

    too_many = await http.put(f"{url}/api/v1/requests/{mine}/preferences", headers=family, json={
        "preferences": {"mode": "ranked", "location_ids": ["a", "b", "c", "d", "e", "f"]}})
    assert too_many.status_code == 422 and field_codes(too_many) == {"preferences": "too_many_preferences"}
    assert too_many.json()["error"]["fields"][0]["message"] == "You can choose at most 5 locations."
    changed = await http.put(f"{url}/api/v1/requests/{mine}/preferences", headers=family, json={
        "preferences": {"mode": "municipalities", "nis_codes": ["44021", "44013"]}})
    assert changed.status_code == 200 and changed.json()["changed"] == ["preferences"]
    assert (await http.put(f"{url}/api/v1/requests/{other}/preferences", headers=family, json={
        "preferences": {"mode": "distance", "max_distance_km": 3}})).status_code == 403
    assert (await http.put(f"{url}/api/v1/requests/{mine}/flags", headers=family,
                           json={"urgent": True})).status_code == 403
    assert (await http.get(f"{url}/api/v1/requests/{mine}/contact", headers=family)).status_code == 403
    mine_list = (await http.get(f"{url}/api/v1/my/requests", headers=family)).json()
    assert [row["request_id"] for row in mine_list] == [mine]

    system_reason = await http.post(f"{url}/api/v1/requests/{mine}/withdraw", headers=family,
                                    json={"reason": "erased"})
    assert system_reason.status_code == 422
    withdrawn = await http.post(f"{url}/api/v1/requests/{mine}/withdraw", headers=family,
                                json={"reason": "found_elsewhere"})
    assert withdrawn.status_code == 200
    again = await http.put(f"{url}/api/v1/requests/{mine}/preferences", headers=family, json={
        "preferences": {"mode": "distance", "max_distance_km": 3}})
    assert again.status_code == 409 and again.json()["error"]["code"] == "request_closed"

    async def events() -> list[dict[str, object]]:
        records = await read_all(intake_alone.bootstrap_servers, REQUEST_TOPIC, partitions=6)
        return [json.loads(r.value) for r in records if r.key == mine.encode()]

    found = await eventually(events, until=lambda e: len(e) == 3, what="registered, updated, withdrawn")
    assert [e["type"] for e in found] == ["RequestRegistered", "RequestUpdated", "RequestWithdrawn"]
    assert found[2]["data"]["reason"] == "found_elsewhere"  # type: ignore[index]


async def test_openapi_document_describes_the_api_with_examples(intake_alone: AloneIntake,
                                                                http: httpx.AsyncClient) -> None:
    document = (await http.get(f"{intake_alone.url}/openapi.json")).json()
    paths = document["paths"]
    for path in ("/api/v1/requests", "/api/v1/requests/{request_id}/contact", "/api/v1/desks/{desk_id}/worklist",
                 "/api/v1/desks/{desk_id}/policies", "/api/v1/requests/{request_id}/unmerge"):
        assert path in paths, path
    schemas = document["components"]["schemas"]
    assert schemas["RegisterRequest"]["examples"][0]["child_first_name"] == "Noor"
    assert "Idempotency-Key" in paths["/api/v1/requests"]["post"]["description"]
