"""A desk closes a location (LocationClosed follows); search is cached in Redis and follows every event."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, cast

import httpx
import pytest
from redis.asyncio import Redis

from contracts.types import Weekday
from infra.local.stack import LocalStack
from tests.integration.offer.support import (
    ZONNEBLOEM,
    allocated,
    bearer,
    desk_policy,
    offer_events,
    produce,
    publish,
    set_clock,
)
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


async def search(http: httpx.AsyncClient, stack: LocalStack, **params: Any) -> dict[str, Any]:
    response = await http.get(f"{stack.url('offer')}/api/v1/locations", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_desk_closes_and_reopens_a_location(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    await produce(offer_stack, desk_policy(0, version=2, area=("44021", "44013", "44088", "11001")))
    offer = offer_stack.url("offer")
    zon, gent = await bearer(http, offer_stack, "zonnebloem"), await bearer(http, offer_stack, "loket.gent")
    location_id = await publish(http, offer_stack, zon, nis_code="11001")

    async def close() -> httpx.Response:
        return await http.post(f"{offer}/api/v1/locations/{location_id}/close", headers=gent,
                               json={"reason": "licence_suspended", "closed_on": "2026-10-01"})

    closed = await eventually(close, until=lambda r: r.status_code == 200, what="desk area known, location closed")
    assert closed.json()["status"] == "suspended"
    event = (await eventually(lambda: _about(offer_stack, location_id, "LocationClosed"), what="LocationClosed"))[0]
    assert event["data"]["reason"] == "licence_suspended" and event["data"]["closed_on"] == "2026-10-01"
    assert location_id not in str(await search(http, offer_stack, nis="11001"))
    edit = await http.put(f"{offer}/api/v1/provider/locations/{location_id}/capacity", headers=zon,
                          json={"capacity_per_weekday": {"mon": 9}})
    assert edit.status_code == 409 and edit.json()["error"]["code"] == "location_not_active"
    again = await close()
    assert again.status_code == 409

    reopened = await http.post(f"{offer}/api/v1/locations/{location_id}/reopen", headers=gent)
    assert reopened.status_code == 200 and reopened.json()["status"] == "active"
    changed = await eventually(lambda: _about(offer_stack, location_id, "LocationChanged"), what="LocationChanged")
    assert changed[-1]["data"]["changed"] == ["status"]
    assert location_id in str(await search(http, offer_stack, nis="11001"))
    withdrawn = await http.post(f"{offer}/api/v1/locations/{location_id}/close", headers=gent,
                                json={"reason": "licence_withdrawn"})
    assert withdrawn.json()["status"] == "closed"
    final = await http.post(f"{offer}/api/v1/locations/{location_id}/reopen", headers=gent)
    assert final.status_code == 409 and final.json()["error"]["code"] == "not_suspended"


async def _about(stack: LocalStack, location_id: str, event_type: str) -> list[dict[str, Any]]:
    return [e for e in await offer_events(stack, event_type) if e["subject"] == location_id]


async def test_search_filters_and_distance(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    await set_clock(http, offer_stack, datetime(2026, 9, 1, 8, tzinfo=UTC))
    zon = await bearer(http, offer_stack, "zonnebloem")
    near = await publish(http, offer_stack, zon, nis_code="11004", postal_code="2530", city="Boechout",
                         latitude=51.1659, longitude=4.5168, ikt=False, specific_care=True, languages=["nl", "fr"])
    far = await publish(http, offer_stack, zon, nis_code="11004", postal_code="2530", city="Boechout",
                        latitude=51.30, longitude=4.52, ikt=True)
    found = await search(http, offer_stack, near="11004", max_km=5)
    assert [r["location_id"] for r in found["results"]] == [near]
    assert found["results"][0]["distance_km"] < 1 and found["results"][0]["municipality"]["name"] == "Boechout"
    both = await search(http, offer_stack, nis="11004")
    assert {r["location_id"] for r in both["results"]} == {near, far}
    assert (await search(http, offer_stack, nis="11004", ikt="true"))["count"] == 1
    assert (await search(http, offer_stack, nis="11004", specific_care="true", language="fr"))["count"] == 1
    assert (await search(http, offer_stack, nis="11004", weekdays="wed", opens_by="07:30"))["count"] == 0
    assert (await search(http, offer_stack, nis="11004", weekdays="mon,thu", opens_by="07:30",
                         closes_after="17:45"))["count"] == 2
    bad = await http.get(f"{offer_stack.url('offer')}/api/v1/locations", params={"near": "99999", "lang": "en"})
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["message"].startswith("We do not know")


async def cache_hits(http: httpx.AsyncClient, stack: LocalStack) -> float:
    metrics = (await http.get(f"{stack.url('offer')}/metrics")).text
    line = next((m for m in metrics.splitlines() if m.startswith('offer_cache_hits_total{kind="search"}')), "x 0")
    return float(line.split()[-1])


async def test_search_cache_follows_allocation_events(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    await set_clock(http, offer_stack, datetime(2026, 9, 1, 8, tzinfo=UTC))
    zon = await bearer(http, offer_stack, "zonnebloem")
    location_id = await publish(http, offer_stack, zon, nis_code="11005", postal_code="2850", city="Boom",
                                capacity_per_weekday={"mon": 1, "tue": 1})
    query = {"nis": "11005", "weekdays": "mon", "free_from": "2026-09-07"}
    first = await search(http, offer_stack, **query)
    assert [r["location_id"] for r in first["results"]] == [location_id]
    redis = Redis.from_url(offer_stack.redis_url)
    try:
        keys = [k.decode() for k in cast(list[bytes], await redis.keys("offer:search:*"))]
        versions = {k.split(":")[2] for k in keys}
        hits = await cache_hits(http, offer_stack)
        assert keys and await search(http, offer_stack, **query) == first
        assert await cache_hits(http, offer_stack) == hits + 1  # answered from the cache
        await produce(offer_stack, allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (Weekday.MON,)))
        emptied = await eventually(lambda: search(http, offer_stack, **query), until=lambda r: r["count"] == 0,
                                   what="the allocation invalidates the cached answer")
        assert emptied["results"] == []
        newer = {k.decode().split(":")[2] for k in cast(list[bytes], await redis.keys("offer:search:*"))} - versions
        assert newer, "a new cache generation after the event"
        tuesday = await search(http, offer_stack, nis="11005", weekdays="tue", free_from="2026-09-07")
        assert tuesday["results"][0]["free"] == {"tue": 1}
    finally:
        await redis.aclose()
