"""Who may do what: a provider never reads or changes another provider's data; desks act on their area.

Every write endpoint of provider A's resources is called by every other kind of caller; each gets
the refusal it should, and afterwards A's data and the bus are exactly as before.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from infra.local.stack import LocalStack
from tests.integration.offer.support import (
    KABOUTERTJES,
    ZONNEBLOEM,
    allocated,
    bearer,
    desk_policy,
    free_on,
    location_body,
    offer_events,
    produce,
    publish,
)
from tests.support.waiting import eventually

ACTORS = ("anonymous", "ouder", "hub.oost-vlaanderen", "operator", "loket.gent", "kaboutertjes", "kaboutertjes-key")


async def headers_of(http: httpx.AsyncClient, stack: LocalStack, actor: str) -> dict[str, str]:
    if actor == "anonymous":
        return {}
    if actor == "kaboutertjes-key":
        human = await bearer(http, stack, "kaboutertjes")
        key = (await http.post(f"{stack.url('offer')}/api/v1/provider/api-keys", json={"label": "matrix"},
                               headers=human)).json()["api_key"]
        token = (await http.post(f"{stack.url('identity')}/token", data={
            "grant_type": "urn:opvangloket:grant-type:api-key", "api_key": key})).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}
    return await bearer(http, stack, actor)


def expected(actor: str) -> set[int]:
    if actor == "anonymous":
        return {401}
    if actor.startswith("kaboutertjes"):
        return {404}  # another provider's data does not exist for you
    return {403}


@pytest.fixture(scope="module")
async def owned(offer_stack: LocalStack) -> dict[str, str]:
    """Provider A (Zonnebloem) with a location, a correction, an allocation and an API key."""
    async with httpx.AsyncClient(timeout=30) as http:
        zon = await bearer(http, offer_stack, "zonnebloem")
        offer = offer_stack.url("offer")
        location_id = await publish(http, offer_stack, zon)
        correction = (await http.post(f"{offer}/api/v1/provider/locations/{location_id}/corrections", headers=zon,
                                      json={"weekdays": ["mon"], "places_delta": -1, "reason": "other"})).json()
        allocation = allocated(location_id, ZONNEBLOEM, date(2026, 9, 1))
        await produce(offer_stack, allocation)
        await eventually(lambda: free_on(http, offer_stack, location_id, date(2026, 9, 7)),
                         until=lambda d: d["mon"]["allocated"] == 1, what="A's allocation")
        key = (await http.post(f"{offer}/api/v1/provider/api-keys", json={"label": "Key A"}, headers=zon)).json()
        return {"location": location_id, "correction": correction["correction_id"],
                "allocation": allocation.allocation_id, "key": key["key_id"]}


def calls(ids: dict[str, str]) -> list[tuple[str, str, dict[str, Any] | None]]:
    loc, base = ids["location"], "/api/v1/provider"
    return [
        ("GET", f"{base}/locations/{loc}", None),
        ("PUT", f"{base}/locations/{loc}", location_body()),
        ("PUT", f"{base}/locations/{loc}/capacity", {"capacity_per_weekday": {"mon": 1}}),
        ("GET", f"{base}/locations/{loc}/corrections", None),
        ("POST", f"{base}/locations/{loc}/corrections", {"weekdays": ["tue"], "places_delta": -1, "reason": "other"}),
        ("POST", f"{base}/locations/{loc}/corrections/{ids['correction']}/end", {}),
        ("POST", f"{base}/allocations/{ids['allocation']}/confirm", {"last_day": "2027-01-01"}),
        ("POST", f"{base}/api-keys/{ids['key']}/rotate", {}),
        ("DELETE", f"{base}/api-keys/{ids['key']}", None),
    ]


@pytest.mark.parametrize("actor", ACTORS)
async def test_nobody_else_reads_or_changes_a_providers_data(
    offer_stack: LocalStack, http: httpx.AsyncClient, owned: dict[str, str], actor: str
) -> None:
    offer = offer_stack.url("offer")
    zon = await bearer(http, offer_stack, "zonnebloem")
    before = (await http.get(f"{offer}/api/v1/provider/locations/{owned['location']}", headers=zon)).json()
    events_before = len(await offer_events(offer_stack))
    headers = await headers_of(http, offer_stack, actor)
    for method, path, body in calls(owned):
        answer = await http.request(method, f"{offer}{path}", json=body, headers=headers)
        wanted = {403} if actor == "kaboutertjes-key" and "/api-keys/" in path else expected(actor)
        assert answer.status_code in wanted, (actor, method, path, answer.status_code, answer.text)
        assert before["name"] not in answer.text
    if actor.startswith("kaboutertjes"):
        own = (await http.get(f"{offer}/api/v1/provider/allocations", headers=headers)).json()
        assert owned["allocation"] not in str(own)
        listed = (await http.get(f"{offer}/api/v1/provider/locations", headers=headers)).json()
        assert {loc["provider_id"] for loc in listed} == {KABOUTERTJES}
        exported = (await http.get(f"{offer}/api/v1/provider/export", headers=headers)).text
        assert owned["location"] not in exported
    after = (await http.get(f"{offer}/api/v1/provider/locations/{owned['location']}", headers=zon)).json()
    assert after == before
    keys = (await http.get(f"{offer}/api/v1/provider/api-keys", headers=zon)).json()
    assert next(k for k in keys if k["key_id"] == owned["key"])["usable"]
    assert len(await offer_events(offer_stack)) == events_before


async def test_desks_close_only_in_their_working_area(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    await produce(offer_stack, desk_policy(0, area=("44021", "44013", "44088", "11001")))  # Gent (+ Aartselaar)
    await produce(offer_stack, desk_policy(1))  # Leuven
    offer = offer_stack.url("offer")
    zon = await bearer(http, offer_stack, "zonnebloem")
    location_id = await publish(http, offer_stack, zon)
    gent, leuven = await bearer(http, offer_stack, "loket.gent"), await bearer(http, offer_stack, "loket.leuven")
    close = f"{offer}/api/v1/locations/{location_id}/close"

    async def gent_area() -> list[dict[str, Any]]:
        return list((await http.get(f"{offer}/api/v1/desk/locations", params={"desk_id": desk_policy(0).desk_id},
                                    headers=gent)).json())

    await eventually(gent_area, until=lambda rows: any(r["location_id"] == location_id for r in rows),
                     what="Gent's working area known to offer")
    other_desk = await http.get(f"{offer}/api/v1/desk/locations", params={"desk_id": desk_policy(0).desk_id},
                                headers=leuven)
    assert other_desk.status_code == 403
    refused = await http.post(close, json={"reason": "licence_withdrawn"}, headers=leuven)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "no_desk_area"
    by_provider = await http.post(close, json={"reason": "licence_withdrawn"}, headers=zon)
    assert by_provider.status_code == 403 and by_provider.json()["error"]["code"] == "close_reason_provider"
    other_provider = await http.post(close, json={"reason": "stopped"}, headers=await bearer(http, offer_stack,
                                                                                               "kaboutertjes"))
    assert other_provider.status_code == 404
    parent = await http.post(close, json={"reason": "licence_withdrawn"}, headers=await bearer(http, offer_stack,
                                                                                                 "ouder"))
    assert parent.status_code == 403
    assert all(e["subject"] != location_id for e in await offer_events(offer_stack, "LocationClosed"))
