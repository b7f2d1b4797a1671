"""Digest mode, and the provider's response clock: reminder, ResponseOverdue, the desk's worklist.

Time is a FixedClock moved by the test; the scheduler runs only when the test calls tick(). A
second service instance on the same database shows that planned reminders survive a restart.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from contracts.events.notifications import DELIVERY_TOPIC
from infra.demo.data import DESK_GENT, PROVIDER_KABOUTERTJES, PROVIDER_ZONNEBLOEM
from services.notifications.adapters.tables import Delivery, DeskPolicy, ResponseDeadline
from services.notifications.bootstrap import build_app
from services.runtime.clock import FixedClock
from tests.integration.notifications.conftest import World
from tests.integration.notifications.events import (
    KABOUTERTJES_LOCATION,
    ZONNEBLOEM_LOCATIONS,
    distributed,
    new_id,
    policy,
    responded,
    zonnebloem,
)
from tests.integration.notifications.helpers import rows, wait_rows
from tests.support.bus import read_all
from tests.support.waiting import eventually


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


async def test_a_digest_provider_gets_one_message_per_channel_at_its_hour(world: World) -> None:
    headers = await world.token("kaboutertjes")
    answer = await world.api.post("/api/v1/provider/webhooks", headers=headers,
                                  json={"url": f"{world.receiver_url}/hooks/kabouter"})
    world.receiver.secrets["kabouter"] = answer.json()["secret"]
    answer = await world.api.put("/api/v1/provider/preferences", headers=headers,
                                 json={"mode": "digest", "digest_hour": 8, "channels": ["email", "webhook"]})
    assert answer.status_code == 200 and answer.json()["email"] == "info@kaboutertjes.demo"  # kept
    first, second = new_id(), new_id()
    world.clock.set(utc(2025, 4, 15, 12))  # Tuesday 14:00 in Brussels
    for request_id, minute in ((first, 0), (second, 5)):
        await world.publish(distributed(request_id, utc(2025, 4, 15, 12, minute),
                                        [(KABOUTERTJES_LOCATION, PROVIDER_KABOUTERTJES)]))
    for request_id in (first, second):
        await wait_rows(world, Delivery, 2, "digest email and webhook planned", request_id=request_id)
    mails_before = len(world.mail.to("info@kaboutertjes.demo"))
    await world.tick(utc(2025, 4, 15, 23))
    assert len(world.mail.to("info@kaboutertjes.demo")) == mails_before
    assert "kabouter" not in world.receiver.received

    await world.tick(utc(2025, 4, 16, 6))  # Wednesday 08:00 in Brussels
    mails = world.mail.to("info@kaboutertjes.demo")[mails_before:]
    assert len(mails) == 1 and "2 nieuwe opvangvragen" in str(mails[0]["Subject"])
    assert first in mails[0].get_content() and second in mails[0].get_content()
    [hook] = world.receiver.received["kabouter"]
    payload = json.loads(hook.body)
    assert hook.valid and payload["type"] == "requests.digest"
    assert {item["request_id"] for item in payload["data"]["items"]} == {first, second}
    for request_id in (first, second):
        log = await rows(world, Delivery, request_id=request_id)
        assert {(d.channel, d.status, d.delivered_at) for d in log} == {
            ("email", "delivered", utc(2025, 4, 16, 6)), ("webhook", "delivered", utc(2025, 4, 16, 6))}


async def test_reminder_overdue_and_worklist_follow_the_desk_policy(world: World) -> None:
    # Gent's policy from 1 July 2025: 3 working days, reminder 1 day before, 11 July not a working day
    await world.publish(policy(2, valid_from=date(2025, 7, 1), response_days=3, reminder_days=1))
    await wait_rows(world, DeskPolicy, 1, "policy v2 applied", desk_id=DESK_GENT, version=2)
    request_id = new_id()
    world.clock.set(utc(2025, 7, 10, 8))
    await world.publish(distributed(request_id, utc(2025, 7, 10, 8), zonnebloem()))
    deadlines = await wait_rows(world, ResponseDeadline, 2, "two clocks", request_id=request_id)
    assert {d.due_date for d in deadlines} == {date(2025, 7, 16)}  # Mon 14, Tue 15, Wed 16 (11 July off)
    await world.tick(utc(2025, 7, 15, 6, 59))
    assert not await rows(world, Delivery, request_id=request_id, kind="reminder")

    # the service restarts (another instance on the same database) just before the reminder is due
    restarted = build_app(world.settings, clock=FixedClock(utc(2025, 7, 15, 7)), run_scheduler=False)
    await restarted.state.runtime.start(consume=False)
    try:
        await restarted.state.scheduler.tick()
    finally:
        await restarted.state.scheduler.stop()
        await restarted.state.runtime.stop()
    reminders = await rows(world, Delivery, request_id=request_id, kind="reminder", channel="email")
    assert [r.status for r in reminders] == ["delivered"]
    await world.tick(utc(2025, 7, 15, 7, 1))
    mails = [m for m in world.mail.to("planning@") if request_id in m.get_content()
             and "Herinnering" in str(m["Subject"])]
    assert len(mails) == 1, "the reminder went out once, from the restarted instance"

    await world.publish(responded(request_id, ZONNEBLOEM_LOCATIONS[0], utc(2025, 7, 16, 10)))
    await eventually(lambda: rows(world, ResponseDeadline, request_id=request_id, status="answered"),
                     until=lambda r: len(r) == 1, what="first location answered")
    report = await world.tick(utc(2025, 7, 16, 22))  # Thursday 00:00 in Brussels
    assert report.overdue >= 1
    overdue = await rows(world, ResponseDeadline, request_id=request_id, status="overdue")
    assert [d.location_id for d in overdue] == [ZONNEBLOEM_LOCATIONS[1]]

    desk = await world.token("loket.gent")
    worklist = (await world.api.get(f"/api/v1/desk/{DESK_GENT}/overdue", headers=desk)).json()
    [line] = [w for w in worklist if w["request_id"] == request_id]
    assert line["kind"] == "provider_overdue" and line["location_id"] == ZONNEBLOEM_LOCATIONS[1]
    assert line["due_date"] == "2025-07-16"
    leuven = await world.api.get(f"/api/v1/desk/{DESK_GENT}/overdue", headers=await world.token("loket.leuven"))
    assert leuven.status_code == 403

    async def overdue_events() -> list[dict[str, Any]]:
        records = await read_all(world.infra.bootstrap, DELIVERY_TOPIC, partitions=3)
        events = [json.loads(r.value) for r in records]
        return [e for e in events if e["type"] == "ResponseOverdue" and e["data"]["request_id"] == request_id]

    [event] = await eventually(overdue_events, until=lambda e: len(e) == 1, what="one ResponseOverdue")
    assert event["data"]["location_id"] == ZONNEBLOEM_LOCATIONS[1]
    assert event["data"]["detected_at"].startswith("2025-07-16T22:00")

    await world.publish(responded(request_id, ZONNEBLOEM_LOCATIONS[1], utc(2025, 7, 17, 9)))  # late
    await eventually(lambda: rows(world, ResponseDeadline, request_id=request_id, status="answered"),
                     until=lambda r: len(r) == 2, what="late answer recorded")
    after = (await world.api.get(f"/api/v1/desk/{DESK_GENT}/overdue", params={"status": "all"},
                                 headers=desk)).json()
    assert [w["resolved_by"] for w in after if w["request_id"] == request_id] == ["provider answered"]
    times = (await world.api.get("/api/v1/response-times", params={"since": "2025-07-16", "until": "2025-07-16"},
                                 headers=desk)).json()["providers"]
    [stats] = [s for s in times if s["provider_id"] == PROVIDER_ZONNEBLOEM]
    assert (stats["asked"], stats["answered_in_time"], stats["answered_late"]) == (2, 1, 1)
    assert stats["agreed_working_days"] == [3] and stats["max_working_days"] == 4  # Mon 14 .. Thu 17


async def test_a_later_round_restarts_the_clock_where_it_asks_and_an_older_round_changes_nothing(world: World) -> None:
    request_id = new_id()
    asked_twice, asked_later = ZONNEBLOEM_LOCATIONS[:2]
    world.clock.set(utc(2025, 4, 15, 12))
    await world.publish(distributed(request_id, utc(2025, 4, 15, 12), [(asked_twice, PROVIDER_ZONNEBLOEM)]))
    [first] = await wait_rows(world, ResponseDeadline, 1, "round 1 clock started", request_id=request_id)
    await world.publish(distributed(request_id, utc(2025, 5, 6, 12), zonnebloem(), round_no=2))
    await eventually(lambda: rows(world, ResponseDeadline, request_id=request_id),
                     until=lambda found: {(d.location_id, d.distribution_round) for d in found}
                     == {(asked_twice, 2), (asked_later, 2)}, timeout=30, what="round 2 restarted both clocks")
    late = await world.publish(distributed(request_id, utc(2025, 4, 15, 12), [(asked_twice, PROVIDER_ZONNEBLOEM)]))
    await eventually(lambda: _applied(world, late.id), timeout=30, what="the older round was read")
    found = {d.location_id: d for d in await rows(world, ResponseDeadline, request_id=request_id)}
    assert found[asked_twice].distribution_round == 2 and found[asked_twice].due_date > first.due_date
    assert found[asked_twice].due_date == found[asked_later].due_date


async def _applied(world: World, event_id: str) -> bool:
    inbox = world.runtime.uow.tables.inbox
    async with world.runtime.db.session(readonly=True) as session:
        count = (await session.execute(select(func.count()).select_from(inbox).where(inbox.c.event_id == event_id)))
        applied = bool(count.scalar_one())
        await session.commit()
    return applied
