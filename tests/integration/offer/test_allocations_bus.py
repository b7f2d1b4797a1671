"""Derived free places follow matching's real events on the real broker: in any order, once each."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime

import httpx
import pytest

from contracts.types import DayPart, Weekday
from infra.local.stack import LocalStack
from tests.integration.offer.support import (
    ZONNEBLOEM,
    allocated,
    bearer,
    cancelled,
    free_on,
    produce,
    publish,
    set_clock,
)
from tests.support.bus import produce_raw, read_all
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]
MON, TUE = Weekday.MON, Weekday.TUE
SEPT_7 = date(2026, 9, 7)


async def test_allocations_and_cancellations_move_free_places(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    await set_clock(http, offer_stack, datetime(2026, 9, 1, 8, tzinfo=UTC))
    zon = await bearer(http, offer_stack, "zonnebloem")
    location_id = await publish(http, offer_stack, zon)  # 3 places Monday to Friday
    first = allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (MON, TUE))
    await produce(offer_stack, first)
    await produce(offer_stack, first)  # redelivered: applied once
    await produce(offer_stack, allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (MON,), DayPart.MORNING))
    await produce(offer_stack, allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (MON,), DayPart.AFTERNOON))
    await produce(offer_stack, allocated(location_id, ZONNEBLOEM, date(2027, 1, 4), (TUE,)))

    def settled(days: dict[str, dict[str, int]]) -> bool:
        return days["mon"]["allocated"] == 2 and days["tue"]["lasting"] == 1

    days = await eventually(lambda: free_on(http, offer_stack, location_id, SEPT_7), until=settled,
                            what="four allocations applied")
    assert days["mon"] == {"weekday": "mon", "licensed": 3, "allocated": 2, "corrected": 0, "free": 1, "lasting": 1}
    assert days["tue"]["free"] == 2 and days["tue"]["lasting"] == 1  # January's child is already counted
    assert days["wed"]["free"] == 3

    await produce(offer_stack, cancelled(first.allocation_id, location_id))
    days = await eventually(lambda: free_on(http, offer_stack, location_id, SEPT_7),
                            until=lambda d: d["mon"]["allocated"] == 1, what="the cancellation applied")
    assert days["tue"]["free"] == 3 and days["tue"]["lasting"] == 2


async def test_a_cancellation_arriving_first_still_wins(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    location_id = await publish(http, offer_stack, zon)
    late = allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (MON,))
    marker = allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (TUE,))
    await produce(offer_stack, cancelled(late.allocation_id, location_id))
    await produce(offer_stack, late)
    await produce(offer_stack, marker)  # same key as nothing else: proves the consumer went past both
    days = await eventually(lambda: free_on(http, offer_stack, location_id, SEPT_7),
                            until=lambda d: d["tue"]["allocated"] == 1, what="the marker allocation")
    await eventually(lambda: allocation_known(http, offer_stack, zon, late.allocation_id),
                     what="the late allocation recorded")
    days = await free_on(http, offer_stack, location_id, SEPT_7)
    assert days["mon"]["allocated"] == 0  # cancelled before it was known: stays cancelled


async def allocation_known(http: httpx.AsyncClient, stack: LocalStack, headers: dict[str, str],
                           allocation_id: str) -> bool:
    rows = (await http.get(f"{stack.url('offer')}/api/v1/provider/allocations",
                           params={"include_cancelled": "true"}, headers=headers)).json()
    return any(r["allocation_id"] == allocation_id and r["cancelled"] for r in rows)


async def test_the_provider_confirms_and_the_place_frees_after_the_last_day(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    kab = await bearer(http, offer_stack, "kaboutertjes")
    offer = offer_stack.url("offer")
    location_id = await publish(http, offer_stack, zon)
    allocation = allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (MON,))
    await produce(offer_stack, allocation)
    await eventually(lambda: free_on(http, offer_stack, location_id, SEPT_7),
                     until=lambda d: d["mon"]["allocated"] == 1, what="allocation applied")
    url = f"{offer}/api/v1/provider/allocations/{allocation.allocation_id}/confirm"
    assert (await http.post(url, json={"last_day": "2029-06-30"}, headers=kab)).status_code == 404
    bad = await http.post(url, json={"last_day": "2026-08-01"}, headers={**zon, "Accept-Language": "en"})
    assert bad.status_code == 422 and bad.json()["error"]["message"].startswith("The last day of care")
    confirmed = await http.post(url, json={"last_day": "2029-06-30"}, headers=zon)
    assert confirmed.status_code == 200 and confirmed.json()["confirmed_at"]
    assert (await free_on(http, offer_stack, location_id, date(2029, 7, 2)))["mon"]["allocated"] == 0
    assert (await free_on(http, offer_stack, location_id, SEPT_7))["mon"]["lasting"] == 2


async def test_a_forged_allocation_is_dead_lettered_and_changes_nothing(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    location_id = await publish(http, offer_stack, zon)
    real = allocated(location_id, ZONNEBLOEM, date(2026, 9, 1), (TUE,))
    forged = {"id": str(uuid.uuid4()), "type": "PlaceAllocated", "source": "intake", "subject": real.request_id,
              "time": "2026-09-01T00:00:00Z", "schema_version": 1, "correlation_id": "c",
              "data": {**real.model_dump(mode="json"), "allocation_id": "forged", "care_pattern": {
                  "days": [{"weekday": "mon"}]}}}
    await produce_raw(offer_stack.bootstrap_servers, "matching.request.v1", json.dumps(forged).encode(),
                      key=real.request_id.encode())
    await produce(offer_stack, real)  # same key: after the forged one in its partition
    await eventually(lambda: free_on(http, offer_stack, location_id, SEPT_7),
                     until=lambda d: d["tue"]["allocated"] == 1, what="the real allocation behind it")
    assert (await free_on(http, offer_stack, location_id, SEPT_7))["mon"]["allocated"] == 0
    dead = await read_all(offer_stack.bootstrap_servers, "matching.request.v1.dlt", timeout_ms=300)
    assert any(json.loads(r.value)["id"] == forged["id"] for r in dead)
