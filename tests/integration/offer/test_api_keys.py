"""API keys: shown once, stored hashed, traded at identity for a token, scoped, rotated, revoked."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from infra.local.stack import LocalStack
from tests.integration.offer.support import BRUGSE_POORT, LEDEBERG, bearer, publish, set_clock

API_KEY_GRANT = "urn:opvangloket:grant-type:api-key"


async def exchange(http: httpx.AsyncClient, stack: LocalStack, api_key: str) -> httpx.Response:
    return await http.post(f"{stack.url('identity')}/token", data={"grant_type": API_KEY_GRANT, "api_key": api_key})


async def key_token(http: httpx.AsyncClient, stack: LocalStack, api_key: str) -> dict[str, str]:
    response = await exchange(http, stack, api_key)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_software_trades_its_key_for_a_token_and_works_with_it(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    await set_clock(http, offer_stack, datetime.now(UTC))
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    created = await http.post(f"{offer}/api/v1/provider/api-keys", json={"label": "Planning"}, headers=zon)
    assert created.status_code == 201
    api_key = created.json()["api_key"]
    assert api_key.startswith("olk_") and api_key not in created.json()["hint"]
    listed = (await http.get(f"{offer}/api/v1/provider/api-keys", headers=zon)).json()
    assert api_key not in str(listed)  # shown once, never again

    software = await key_token(http, offer_stack, api_key)
    mine = await http.get(f"{offer}/api/v1/provider/locations", headers=software)
    assert mine.status_code == 200 and {loc["location_id"] for loc in mine.json()} >= {BRUGSE_POORT, LEDEBERG}
    assert (await http.get(f"{offer}/api/v1/provider/api-keys", headers=software)).status_code == 403
    more = await http.post(f"{offer}/api/v1/provider/api-keys", json={"label": "escalate"}, headers=software)
    assert more.status_code == 403 and more.json()["error"]["code"] == "api_key_human_only"

    assert (await exchange(http, offer_stack, api_key[:-2] + "xx")).status_code == 400
    assert (await exchange(http, offer_stack, "olk_0123456789abcdef_" + "a" * 43)).status_code == 400
    assert (await http.post(f"{offer}/internal/api-keys/verify", json={"api_key": api_key},
                            headers=zon)).status_code == 403  # service tokens only


async def stored_bytes(stack: LocalStack) -> bytes:
    """Everything offer wrote: the SQLite files, or every API key row on PostgreSQL."""
    url = stack.config.database_urls.get("offer")
    if url is None:
        return await asyncio.to_thread(lambda: b"".join(p.read_bytes() for p in Path(stack.var).glob("offer.db*")))
    import asyncpg

    connection = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        return str([tuple(row) for row in await connection.fetch("SELECT * FROM apikey")]).encode()
    finally:
        await connection.close()


@pytest.mark.postgres
async def test_only_the_hash_is_stored(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    created = await http.post(f"{offer_stack.url('offer')}/api/v1/provider/api-keys", json={"label": "hash"},
                              headers=zon)
    api_key = created.json()["api_key"]
    stored = await stored_bytes(offer_stack)
    assert created.json()["key_id"].encode() in stored  # we are looking at the right place
    assert api_key.encode() not in stored
    assert api_key.split("_", 2)[2].encode() not in stored


async def test_revoking_stops_the_key_and_its_tokens_at_once(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    created = (await http.post(f"{offer}/api/v1/provider/api-keys", json={"label": "old"}, headers=zon)).json()
    software = await key_token(http, offer_stack, created["api_key"])
    revoked = await http.delete(f"{offer}/api/v1/provider/api-keys/{created['key_id']}", headers=zon)
    assert revoked.status_code == 200 and revoked.json()["usable"] is False
    refused = await http.get(f"{offer}/api/v1/provider/locations", headers={**software, "Accept-Language": "nl"})
    assert refused.status_code == 401 and "ingetrokken" in refused.json()["error"]["message"]
    assert (await exchange(http, offer_stack, created["api_key"])).status_code == 400


async def test_rotation_keeps_the_old_key_for_a_grace_period(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    now = datetime.now(UTC)
    await set_clock(http, offer_stack, now)
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    old = (await http.post(f"{offer}/api/v1/provider/api-keys", json={"label": "rotating"}, headers=zon)).json()
    new = await http.post(f"{offer}/api/v1/provider/api-keys/{old['key_id']}/rotate", json={"grace_hours": 2},
                          headers=zon)
    assert new.status_code == 201 and new.json()["label"] == "rotating"
    await key_token(http, offer_stack, old["api_key"])  # still works during the grace period
    await key_token(http, offer_stack, new.json()["api_key"])
    await set_clock(http, offer_stack, now + timedelta(hours=3))
    assert (await exchange(http, offer_stack, old["api_key"])).status_code == 400
    await key_token(http, offer_stack, new.json()["api_key"])
    await set_clock(http, offer_stack, now)


async def test_a_scoped_key_sees_and_changes_only_its_locations(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    kept = await publish(http, offer_stack, zon)
    created = await http.post(f"{offer}/api/v1/provider/api-keys", headers=zon,
                              json={"label": "one location", "location_ids": [kept]})
    software = await key_token(http, offer_stack, created.json()["api_key"])
    listed = (await http.get(f"{offer}/api/v1/provider/locations", headers=software)).json()
    assert [loc["location_id"] for loc in listed] == [kept]
    other = await http.put(f"{offer}/api/v1/provider/locations/{BRUGSE_POORT}/capacity", headers=software,
                           json={"capacity_per_weekday": {"mon": 1}})
    assert other.status_code == 403 and other.json()["error"]["code"] == "outside_key_scope"
    new = await http.post(f"{offer}/api/v1/provider/locations", json={}, headers=software)
    assert new.status_code in (403, 422)
    ok = await http.put(f"{offer}/api/v1/provider/locations/{kept}/capacity", headers=software,
                        json={"capacity_per_weekday": {"mon": 2}})
    assert ok.status_code == 200
    foreign = await http.post(f"{offer}/api/v1/provider/api-keys", headers=zon,
                              json={"label": "not mine", "location_ids": ["not-a-location-of-mine"]})
    assert foreign.status_code == 422
