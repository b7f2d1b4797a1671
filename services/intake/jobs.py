"""Background work of the intake process: sending mail and the retention job (one replica at a time)."""

from __future__ import annotations

import asyncio
import contextlib

from redis.asyncio import Redis

from services.intake.handlers.erase import erase_expired
from services.runtime.logs import get_logger
from services.runtime.redis_tools import RedisLock
from services.runtime.service import ServiceRuntime

log = get_logger(__name__)


async def retention_loop(runtime: ServiceRuntime, redis: Redis, interval: float) -> None:
    """Erase expired personal data every *interval* seconds; a Redis lease keeps it to one replica."""
    while True:
        try:
            async with RedisLock(redis, "intake-retention", ttl_seconds=max(interval, 60)).held() as mine:
                if mine:
                    async with runtime.uow() as uow:
                        erased = await erase_expired(uow, runtime.clock.now())
                    if erased:
                        log.info("retention erased personal data", requests=erased)
        except Exception as exc:  # Redis or the database away for a moment: next round
            log.warning("retention round failed", error=repr(exc))
        await asyncio.sleep(interval)


async def stop_task(task: asyncio.Task[None] | None) -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
