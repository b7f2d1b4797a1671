"""The scheduler sends planned messages as soon as the transaction that planned them commits,
not at its next tick; a transaction that rolls back wakes nothing."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import MetaData, text

from contracts.envelope import Envelope
from services.notifications.dispatch.dispatcher import Dispatcher
from services.notifications.scheduling.scheduler import Scheduler, TickReport
from services.notifications.scheduling.wake import waking
from services.runtime.clock import SystemClock
from services.runtime.db import Database
from services.runtime.tables import messaging_tables
from services.runtime.uow import UnitOfWork, UnitOfWorkFactory
from tests.support.waiting import eventually


class CountingDispatcher:
    def __init__(self) -> None:
        self.calls = 0

    async def dispatch_due(self) -> int:
        self.calls += 1
        return 0


async def test_a_wake_sends_at_once_between_hourly_ticks() -> None:
    dispatcher = CountingDispatcher()
    scheduler = Scheduler(uow=cast(UnitOfWorkFactory, None), dispatcher=cast(Dispatcher, dispatcher),
                          redis=cast(Any, None), interval_seconds=3600)
    ticks: list[int] = []

    async def tick() -> TickReport:
        ticks.append(1)
        return TickReport()

    scheduler.tick = tick  # type: ignore[method-assign]  # deadlines and Redis are not the point here
    scheduler.start()
    try:
        await eventually(lambda: _value(len(ticks)), until=lambda n: n == 1, what="the first tick")
        assert dispatcher.calls == 0
        scheduler.wake()
        await eventually(lambda: _value(dispatcher.calls), until=lambda n: n == 1, what="a send after the wake")
        assert len(ticks) == 1  # the hourly deadline jobs did not run again
    finally:
        await scheduler.stop(grace_seconds=5)


async def _value(value: int) -> int:
    return value


@pytest.mark.parametrize("fails", [False, True])
async def test_the_wake_comes_after_the_commit_only(tmp_path: Path, fails: bool) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'n.db'}")
    uow = UnitOfWorkFactory(db, messaging_tables(MetaData()), SystemClock(), "notifications")
    woken: list[bool] = []

    async def plan(unit: UnitOfWork, event: Envelope[Any]) -> None:
        await unit.session.execute(text("SELECT 1"))
        assert not woken, "not before the commit"
        if fails:
            raise RuntimeError("the handler failed")

    handler = waking({"RequestDistributed": plan}, lambda: woken.append(True))["RequestDistributed"]
    try:
        with pytest.raises(RuntimeError) if fails else contextlib.nullcontext():
            async with uow() as unit:
                await handler(unit, cast(Envelope[Any], None))
                await handler(unit, cast(Envelope[Any], None))  # two events, one transaction: one wake
        assert woken == ([] if fails else [True])
    finally:
        await db.dispose()

