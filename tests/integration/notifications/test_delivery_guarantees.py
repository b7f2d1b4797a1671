"""Exactly one send: retries with backoff for 24 hours then dead-lettered, two replicas racing,
a sender that crashed after claiming, and Redis being unavailable.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest

from infra.demo.data import DESK_GENT, PROVIDER_ZONNEBLOEM
from services.notifications.adapters.mailer import Mailer
from services.notifications.adapters.tables import Delivery, DeliveryAttempt
from services.notifications.adapters.webhook_sender import WebhookSender
from services.notifications.dispatch.claims import claim_batch
from services.notifications.dispatch.dispatcher import Dispatcher
from services.notifications.domain.retry import RETRY_WINDOW
from services.runtime.redis_tools import make_redis
from tests.integration.notifications.conftest import World
from tests.integration.notifications.events import distributed, new_id, zonnebloem
from tests.integration.notifications.helpers import rows, wait_rows

pytestmark = [pytest.mark.postgres]  # dialect-sensitive: insert-once, leases, feed numbers


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


async def choose(world: World, channels: list[str], hook: str | None = None, failing: int = 0) -> None:
    headers = await world.token("zonnebloem")
    for existing in (await world.api.get("/api/v1/provider/webhooks", headers=headers)).json():
        await world.api.delete(f"/api/v1/provider/webhooks/{existing['subscription_id']}", headers=headers)
    if hook:
        answer = await world.api.post("/api/v1/provider/webhooks", headers=headers,
                                      json={"url": f"{world.receiver_url}/hooks/{hook}"})
        world.receiver.secrets[hook] = answer.json()["secret"]
        world.receiver.failing[hook] = failing
    answer = await world.api.put("/api/v1/provider/preferences", headers=headers,
                                 json={"mode": "immediate", "channels": channels})
    assert answer.status_code == 200, answer.text


async def distribute(world: World, at: datetime, per_request: int) -> str:
    request_id = new_id()
    world.clock.set(at)
    await world.publish(distributed(request_id, at, zonnebloem()))
    await wait_rows(world, Delivery, per_request, "deliveries planned", request_id=request_id)
    return request_id


async def test_webhook_retried_with_backoff_for_24_hours_then_dead_lettered(world: World) -> None:
    await choose(world, ["webhook"], hook="down", failing=-1)
    first_try = utc(2025, 5, 5, 8)
    request_id = await distribute(world, first_try, 1)
    while True:
        await world.tick()
        [row] = await rows(world, Delivery, request_id=request_id)
        if row.status != "retrying":
            break
        world.clock.set(row.next_attempt_at)
    hooks = world.receiver.received["down"]
    assert row.status == "dead" and row.attempts == len(hooks)
    assert 10 <= len(hooks) <= 16
    assert len({h.headers["webhook-id"] for h in hooks}) == 1, "every retry carries the same webhook-id"
    assert all(h.valid for h in hooks), "each retry is freshly signed"
    attempts = await rows(world, DeliveryAttempt, delivery_id=row.delivery_id)
    assert max(a.at for a in attempts) == first_try + RETRY_WINDOW
    assert [a.outcome for a in sorted(attempts, key=lambda a: a.attempt)][-1] == "dead"

    worklist = (await world.api.get(f"/api/v1/desk/{DESK_GENT}/overdue", headers=await world.token("loket.gent"))
                ).json()
    assert any(w["kind"] == "delivery_failed" and w["delivery_id"] == row.delivery_id for w in worklist)
    own = (await world.api.get("/api/v1/deliveries", params={"status": "dead"},
                               headers=await world.token("zonnebloem"))).json()
    assert row.delivery_id in {d["delivery_id"] for d in own}
    ops = (await world.api.get("/ops/notifications")).json()
    assert ops["deliveries_by_status"]["dead"] >= 1 and ops["escalations_open"] >= 1


async def test_webhook_that_recovers_gets_the_same_message_once(world: World) -> None:
    await choose(world, ["webhook"], hook="flaky", failing=2)
    request_id = await distribute(world, utc(2025, 5, 6, 8), 1)
    for _ in range(3):
        await world.tick()
        [row] = await rows(world, Delivery, request_id=request_id)
        world.clock.set(row.next_attempt_at)
    hooks = world.receiver.received["flaky"]
    assert [h.answered for h in hooks] == [500, 500, 204]
    assert len({h.headers["webhook-id"] for h in hooks}) == 1
    assert row.status == "delivered" and row.attempts == 3
    await world.tick(row.next_attempt_at + timedelta(hours=1))
    assert len(world.receiver.received["flaky"]) == 3


def second_replica(world: World, redis_url: str) -> Dispatcher:
    settings = world.settings
    return Dispatcher(uow=world.runtime.uow, clock=world.clock, redis=make_redis(redis_url),
                      mailer=Mailer(settings.smtp_host, settings.smtp_port, settings.mail_from),
                      webhooks=WebhookSender(), directory=world.app.state.directory, portal_url="http://portal.test")


async def test_two_replicas_racing_send_each_message_once(world: World) -> None:
    await choose(world, ["email", "pull"])
    at = utc(2025, 5, 7, 8)
    ours = world.app.state.dispatcher
    told: list[str] = []
    # first with both replicas on Redis, then with the second one unable to reach Redis at all
    for redis_url in (world.infra.redis_url, "redis://127.0.0.1:1/0"):
        batch = [await distribute(world, at, 2) for _ in range(8)]
        handled = await asyncio.gather(ours.dispatch_due(), second_replica(world, redis_url).dispatch_due())
        assert sum(handled) == 16, f"each of the 16 deliveries claimed by exactly one replica: {handled}"
        told += batch
    for request_id in told:
        mails = [m for m in world.mail.to("planning@") if request_id in m.get_content()]
        assert len(mails) == 1, f"{request_id} mailed {len(mails)} times"
        feed = await rows(world, Delivery, request_id=request_id, channel="pull")
        assert feed[0].status == "available" and feed[0].feed_seq is not None
    numbers = [d.feed_seq for d in await rows(world, Delivery, provider_id=PROVIDER_ZONNEBLOEM, channel="pull")
               if d.feed_seq is not None]
    assert sorted(numbers) == list(range(1, len(numbers) + 1)), "feed numbers are gapless and unique"


async def test_a_sender_that_crashed_after_claiming_is_replaced_after_its_lease(world: World) -> None:
    await choose(world, ["email"])
    request_id = await distribute(world, utc(2025, 5, 8, 8), 1)
    [row] = await rows(world, Delivery, request_id=request_id)
    claimed = (await claim_batch(world.runtime.db, [row.delivery_id], world.clock.now())).rows  # ... then it died
    assert len(claimed) == 1
    await world.tick(utc(2025, 5, 8, 8, 4))
    assert not [m for m in world.mail.to("planning@") if request_id in m.get_content()]
    await world.tick(utc(2025, 5, 8, 8, 6))
    mails = [m for m in world.mail.to("planning@") if request_id in m.get_content()]
    assert len(mails) == 1 and row.delivery_id in str(mails[0]["Message-ID"])
    [after] = await rows(world, Delivery, request_id=request_id)
    assert after.status == "delivered" and after.attempts == 2
    assert json.loads(after.details)["request_id"] == request_id
