"""A distributed request reaches each provider once, through every channel it chose.

Driven through the real broker: RequestRegistered (intake) and RequestDistributed (matching) are
produced onto tansu; mail lands on a real SMTP server; the webhook receiver checks signatures.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from contracts.events.notifications import DELIVERY_TOPIC
from infra.demo.data import DESK_GENT, PROVIDER_KABOUTERTJES, PROVIDER_ZONNEBLOEM
from services.notifications.adapters.tables import Delivery, ResponseDeadline, TrackedRequest
from services.notifications.dispatch import dispatcher as dispatcher_module
from tests.integration.notifications.conftest import World
from tests.integration.notifications.events import (
    KABOUTERTJES_LOCATION,
    distributed,
    new_id,
    registered,
    zonnebloem,
)
from tests.integration.notifications.helpers import rows, wait_rows
from tests.support.bus import read_all
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]  # dialect-sensitive: insert-once, leases, feed numbers

TOLD_AT = datetime(2025, 4, 14, 8, tzinfo=UTC)  # Monday 10:00 in Brussels


async def subscribe_webhook(world: World, name: str) -> str:
    headers = await world.token("zonnebloem")
    answer = await world.api.post("/api/v1/provider/webhooks", headers=headers,
                                  json={"url": f"{world.receiver_url}/hooks/{name}", "description": "planning"})
    assert answer.status_code == 201, answer.text
    world.receiver.secrets[name] = answer.json()["secret"]
    return str(answer.json()["subscription_id"])


async def test_provider_is_told_once_by_mail_webhook_and_feed(world: World) -> None:
    headers = await world.token("zonnebloem")
    answer = await world.api.put("/api/v1/provider/preferences", headers=headers, json={
        "mode": "immediate", "digest_hour": 8, "channels": ["email", "webhook", "pull"],
        "email": "planning@zonnebloem.example.org", "language": "nl"})
    assert answer.status_code == 200, answer.text
    await subscribe_webhook(world, "zonnebloem")
    request_id = new_id()
    world.clock.set(TOLD_AT)
    await world.publish(registered(request_id, TOLD_AT))
    envelope = await world.publish(distributed(request_id, TOLD_AT, [*zonnebloem(),
                                                                      (KABOUTERTJES_LOCATION, PROVIDER_KABOUTERTJES)]))
    await wait_rows(world, ResponseDeadline, 3, "three response clocks", request_id=request_id)
    await wait_rows(world, Delivery, 3, "email, webhook and pull for zonnebloem",
                    request_id=request_id, provider_id=PROVIDER_ZONNEBLOEM)
    await eventually(lambda: rows(world, TrackedRequest, request_id=request_id),
                     until=lambda r: bool(r and r[0].wanted_start_date), what="registration applied")

    report = await world.tick()
    assert report.deliveries == 5  # zonnebloem: email, webhook, pull; kaboutertjes (demo prefs): email, pull
    mails = world.mail.to("planning@zonnebloem.example.org")
    assert len(mails) == 1
    body = mails[0].get_content()
    # 5 working days from Monday 14 April skip Easter Monday 21 April; no family data, only facts
    assert request_id in body and "22/04/2025" in body and "01/09/2025" in body and "Gent" in body
    hooks = world.receiver.received["zonnebloem"]
    assert len(hooks) == 1 and hooks[0].valid, "the receiver verified the HMAC signature"
    payload = json.loads(hooks[0].body)
    assert payload["type"] == "request.distributed"
    assert payload["data"]["request_id"] == request_id
    assert sorted(payload["data"]["location_ids"]) == sorted(loc for loc, _ in zonnebloem())
    assert hooks[0].headers["webhook-id"] == payload["data"]["notification_id"]
    assert len(world.mail.to("info@kaboutertjes.demo")) == 1

    # the same event again (republished) and a different event for the same round: nobody told twice
    seen = await _applied(world)
    await world.publish(distributed(request_id, TOLD_AT, zonnebloem()), event_id=envelope.id)
    await world.publish(distributed(request_id, TOLD_AT, zonnebloem()))
    await eventually(lambda: _applied(world), until=lambda n: n >= seen + 2, what="both repeats consumed")
    assert (await world.tick()).deliveries == 0
    assert len(world.mail.to("planning@zonnebloem.example.org")) == 1 and len(hooks) == 1

    # proof: the delivery log per request, for the desk and for the provider itself
    desk = await world.api.get("/api/v1/deliveries", params={"request_id": request_id},
                               headers=await world.token("loket.gent"))
    assert desk.status_code == 200
    log = {(d["provider_id"], d["channel"]): d for d in desk.json()}
    assert log[(PROVIDER_ZONNEBLOEM, "email")]["status"] == "delivered"
    assert log[(PROVIDER_ZONNEBLOEM, "webhook")]["attempt_log"][0]["outcome"] == "delivered"
    assert log[(PROVIDER_ZONNEBLOEM, "pull")]["status"] == "available"
    own = await world.api.get("/api/v1/deliveries", headers=headers)
    assert {d["provider_id"] for d in own.json()} == {PROVIDER_ZONNEBLOEM}
    other = await world.api.get("/api/v1/deliveries", params={"provider_id": PROVIDER_ZONNEBLOEM},
                                headers=await world.token("kaboutertjes"))
    assert other.status_code == 403
    elsewhere = await world.api.get("/api/v1/deliveries", params={"request_id": request_id},
                                    headers=await world.token("loket.leuven"))
    assert elsewhere.json() == []

    # pull: the provider's software reads its feed; asking past an item confirms receipt
    first = (await world.api.get("/api/v1/provider/feed", headers=headers)).json()
    item = next(i for i in first["items"] if i["request_id"] == request_id)
    assert item["details"]["due_date"] == "2025-04-22" and item["details"]["weekdays"] == ["mon", "tue", "thu"]
    await world.api.get("/api/v1/provider/feed", params={"after": first["next_after"]}, headers=headers)
    pulled = await rows(world, Delivery, request_id=request_id, provider_id=PROVIDER_ZONNEBLOEM, channel="pull")
    assert pulled[0].status == "delivered"

    async def notified() -> set[tuple[str, str]]:
        records = await read_all(world.infra.bootstrap, DELIVERY_TOPIC, partitions=3)
        events = [json.loads(r.value) for r in records]
        return {(e["data"]["provider_id"], e["data"]["channel"]) for e in events
                if e["type"] == "ProviderNotified" and e["data"]["request_id"] == request_id}

    await eventually(notified, until=lambda s: s == {(PROVIDER_ZONNEBLOEM, "email"), (PROVIDER_ZONNEBLOEM, "webhook"),
                                                     (PROVIDER_ZONNEBLOEM, "pull"),
                                                     (PROVIDER_KABOUTERTJES, "email")},
                     what="ProviderNotified per delivered channel on the bus")
    assert DESK_GENT in {d["desk_id"] for d in desk.json()}


async def _applied(world: World) -> int:
    return world.runtime.processors["notifications.matching"].stats.duplicates + \
        world.runtime.processors["notifications.matching"].stats.applied


async def test_mail_goes_out_while_the_feed_cannot_be_numbered_and_the_feed_follows_after_the_lease(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    request_id = new_id()
    world.clock.set(TOLD_AT)
    await world.publish(registered(request_id, TOLD_AT))
    await world.publish(distributed(request_id, TOLD_AT, [(KABOUTERTJES_LOCATION, PROVIDER_KABOUTERTJES)]))
    await wait_rows(world, Delivery, 2, "email and pull for kaboutertjes (demo preferences)", request_id=request_id)
    mails_before = len(world.mail.to("info@kaboutertjes.demo"))

    async def database_down(*_: object) -> None:
        raise ConnectionError("database unavailable")  # stands in for a failing database, this once

    monkeypatch.setattr(dispatcher_module, "publish_to_feed", database_down)
    await world.tick()
    assert len(world.mail.to("info@kaboutertjes.demo")) == mails_before + 1, "the mail did not wait for the feed"
    [pull] = await rows(world, Delivery, request_id=request_id, channel="pull")
    assert pull.status == "sending" and pull.feed_seq is None

    monkeypatch.undo()
    await world.tick(TOLD_AT + timedelta(minutes=4))
    assert (await rows(world, Delivery, request_id=request_id, channel="pull"))[0].status == "sending"  # leased
    await world.tick(TOLD_AT + timedelta(minutes=6))
    [pull] = await rows(world, Delivery, request_id=request_id, channel="pull")
    assert pull.status == "available" and pull.feed_seq is not None
    assert len(world.mail.to("info@kaboutertjes.demo")) == mails_before + 1
