"""The walking skeleton across real processes: intake -> bus -> matching, notifications, reporting.

Each consumer applies a registration exactly once; a SIGKILLed reporting process in the middle
of a burst of 500 loses and doubles nothing; a poison record is dead-lettered while its
partition keeps flowing; a broker that loses its whole log is refilled from the outboxes.
"""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from infra.local.stack import LocalStack
from tests.support.bus import produce_raw, read_all
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


async def count(http: httpx.AsyncClient, url: str, field: str) -> int:
    response = await http.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}: {response.text[:500]}"
    return int(response.json()[field])


async def counts(http: httpx.AsyncClient, system: LocalStack) -> dict[str, int]:
    return {
        "reporting": await count(http, f"{system.url('reporting')}/api/v1/stats/requests", "requests"),
        "matching": await count(http, f"{system.url('matching')}/api/v1/open-requests/count", "open_requests"),
        "notifications": await count(http, f"{system.url('notifications')}/api/v1/tracked-requests/count",
                                     "tracked_requests"),
    }


async def register(http: httpx.AsyncClient, system: LocalStack, index: int) -> str:
    response = await http.post(f"{system.url('intake')}/api/v1/requests", json=registration(index))
    assert response.status_code == 201, response.text
    return str(response.json()["request_id"])


async def test_one_registration_is_applied_once_by_every_consumer(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    before = await counts(http, system)
    await register(http, system, 1)
    expected = {name: value + 1 for name, value in before.items()}
    await eventually(lambda: counts(http, system), until=lambda c: c == expected, what="each consumer +1")
    # and it stays exactly +1: no late duplicate arrives once every relay is idle
    relay = (await http.get(f"{system.url('intake')}/ops/consumers")).json()["relay"]
    assert relay["pending"] == 0
    assert await counts(http, system) == expected


async def test_burst_of_500_with_reporting_killed_midway(system: LocalStack, http: httpx.AsyncClient) -> None:
    before = await counts(http, system)
    reporting = system.services["reporting"]
    semaphore = asyncio.Semaphore(20)

    async def one(index: int) -> None:
        async with semaphore:
            await register(http, system, 1000 + index)

    first = [asyncio.create_task(one(i)) for i in range(250)]
    await asyncio.gather(*first)
    await eventually(lambda: counts(http, system), until=lambda c: c["reporting"] > before["reporting"],
                     what="reporting consuming the burst")
    reporting.kill()  # SIGKILL in the middle of the burst: no clean shutdown
    second = [asyncio.create_task(one(i)) for i in range(250, 500)]
    await asyncio.gather(*second)
    await asyncio.to_thread(reporting.start)
    expected = {name: value + 500 for name, value in before.items()}
    await eventually(lambda: counts(http, system), until=lambda c: c == expected, timeout=120,
                     what="exactly 500 more everywhere")


async def test_poison_record_is_dead_lettered_and_partitions_keep_flowing(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    topic = "intake.request.v1"
    for partition in range(6):
        await produce_raw(system.bootstrap_servers, topic, b'{"not": "an event"' + bytes([partition]),
                          key=b"poison", partition=partition)
    forged = {"id": "forged-1", "type": "RequestWithdrawn", "source": "reporting", "subject": "x",
              "time": "2026-01-01T00:00:00Z", "schema_version": 1, "correlation_id": "c",
              "data": {"request_id": "x", "desk_id": "d", "reason": "other", "withdrawn_at": "2026-01-01T00:00:00Z"}}
    await produce_raw(system.bootstrap_servers, topic, json.dumps(forged).encode(), key=b"x", partition=0)
    before = await counts(http, system)
    for index in range(12):
        await register(http, system, 5000 + index)
    expected = {name: value + 12 for name, value in before.items()}
    await eventually(lambda: counts(http, system), until=lambda c: c == expected, what="flow after poison")

    async def dead_letters() -> list[object]:
        return await read_all(system.bootstrap_servers, f"{topic}.dlt")

    records = await eventually(dead_letters, until=lambda r: len(r) >= 3 * 7, what="dead letters")
    groups = {dict(r.headers)["dlt-consumer-group"] for r in records}  # type: ignore[attr-defined]
    assert {b"reporting.projection", b"matching.read-models", b"notifications.requests"} <= groups
    sample = dict(records[0].headers)  # type: ignore[attr-defined]
    assert sample["dlt-original-topic"] == topic.encode()
    assert int(sample["dlt-original-offset"]) >= 0
    assert sample["dlt-error"]
    errors = {dict(r.headers)["dlt-error"] for r in records}  # type: ignore[attr-defined]
    assert any(b"may not emit" in e for e in errors), "the forged producer was refused"


async def test_broker_losing_its_log_is_refilled_from_outboxes(system: LocalStack, http: httpx.AsyncClient) -> None:
    start = await counts(http, system)
    await register(http, system, 7000)
    before = {name: value + 1 for name, value in start.items()}
    await eventually(lambda: counts(http, system), until=lambda c: c == before, what="settled before restart")
    system.broker.restart()  # tansu keeps its log in memory: everything on the bus is gone
    for index in range(5):
        await register(http, system, 7100 + index)
    expected = {name: value + 5 for name, value in before.items()}
    await eventually(lambda: counts(http, system), until=lambda c: c == expected, timeout=120,
                     what="counts after broker restart")

    async def intake_relay() -> dict[str, int]:
        return (await http.get(f"{system.url('intake')}/ops/consumers")).json()["relay"]  # type: ignore[no-any-return]

    await eventually(intake_relay, until=lambda r: r["republish_rounds"] >= 1 and r["pending"] == 0,
                     what="intake noticed the lost log and republished everything")
    # the republished events reach every consumer again and are dropped by their inboxes
    async def duplicates_seen() -> int:
        stats = (await http.get(f"{system.url('reporting')}/ops/consumers")).json()["groups"]
        return int(stats["reporting.projection"]["duplicates"])

    await eventually(duplicates_seen, until=lambda d: d >= before["reporting"], what="republished events seen")
    assert await counts(http, system) == expected
