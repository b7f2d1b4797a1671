"""The scheduler loop inside the service: deadlines first, then sending, on the injected clock.

Why a loop in the service and not a cron or Redis timers: everything it acts on is a row in the
database (deadlines, planned deliveries), so a restart resumes exactly where it stopped - nothing
scheduled lives only in memory or in Redis. Tests call ``tick()`` directly with a fixed clock; in
ENV=test the loop follows the clock that ``POST /_test/clock`` moves.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.notifications.dispatch.dispatcher import Dispatcher
from services.notifications.scheduling.family_deadlines import escalate_unanswered, remind_families
from services.notifications.scheduling.provider_deadlines import declare_overdue, send_reminders
from services.runtime.logs import get_logger
from services.runtime.redis_tools import RedisLock
from services.runtime.uow import UnitOfWorkFactory

log = get_logger(__name__)


@dataclass
class TickReport:
    provider_reminders: int = 0
    overdue: int = 0
    family_reminders: int = 0
    family_escalations: int = 0
    deliveries: int = 0


class Scheduler:
    def __init__(self, *, uow: UnitOfWorkFactory, dispatcher: Dispatcher, redis: Redis,
                 interval_seconds: float = 1.0) -> None:
        self.uow = uow
        self.dispatcher = dispatcher
        self.redis = redis
        self.interval = interval_seconds
        self.ticks = 0
        self._stopping = asyncio.Event()
        self._woken = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def tick(self) -> TickReport:
        """One round: come-due deadlines (one replica at a time), then every due delivery."""
        report = TickReport()
        lock = RedisLock(self.redis, "notifications:deadline-jobs", ttl_seconds=60)
        try:
            mine = await lock.acquire()
        except RedisError:
            mine = True  # the conditional updates below still make each step happen once
        if mine:
            try:
                await self._deadline_jobs(report)
            finally:
                await lock.release()
        report.deliveries = await self.dispatcher.dispatch_due()
        self.ticks += 1
        return report

    async def _deadline_jobs(self, report: TickReport) -> None:
        async with self.uow() as unit:
            now = unit._clock.now()  # noqa: SLF001 - the service clock, injected
            report.provider_reminders = await send_reminders(unit, now)
            report.overdue = await declare_overdue(unit, now)
        async with self.uow() as unit:
            now = unit._clock.now()  # noqa: SLF001
            report.family_reminders = await remind_families(unit, now)
            report.family_escalations = await escalate_unanswered(unit, now)

    def wake(self) -> None:
        """New deliveries were committed: send them now instead of at the next tick (a second away)."""
        self._woken.set()

    async def run(self) -> None:
        backoff = self.interval
        next_tick = 0.0
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            self._woken.clear()
            try:
                if loop.time() >= next_tick:
                    await self.tick()
                    next_tick = loop.time() + self.interval
                else:  # woken between ticks: only what is due to be sent; deadlines keep their pace
                    await self.dispatcher.dispatch_due()
                backoff = self.interval
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # database or Redis away: try again, a bit later each time
                log.warning("scheduler tick failed", error=repr(exc))
                backoff = min(backoff * 2, 30.0)
                next_tick = loop.time() + backoff
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._woken.wait(), timeout=max(next_tick - loop.time(), 0.0))

    def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self.run(), name="notifications-scheduler")

    async def stop(self, grace_seconds: float = 20) -> None:
        """Let the running tick finish its sends (a cut-off send would be repeated after its lease)."""
        self._stopping.set()
        self._woken.set()
        if self._task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout=grace_seconds)
        except (TimeoutError, asyncio.CancelledError, Exception):
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
