"""The scheduled job of matching: expire proposals whose answer period is over.

One replica runs it at a time (a Redis lease); if Redis is down it runs anyway, because rows are
claimed with FOR UPDATE SKIP LOCKED and re-checked, so a double run cannot expire twice.
"""

from __future__ import annotations

import asyncio
import contextlib

from redis.exceptions import RedisError

from services.matching.handlers.answering import expire_overdue
from services.runtime.logs import get_logger
from services.runtime.redis_tools import RedisLock, make_redis
from services.runtime.service import ServiceRuntime

log = get_logger(__name__)
EXPIRY_INTERVAL_SECONDS = 5.0


async def expire_once(runtime: ServiceRuntime) -> int:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        return await expire_overdue(uow, now.date(), now)


async def expiry_loop(runtime: ServiceRuntime, interval: float = EXPIRY_INTERVAL_SECONDS) -> None:
    redis = make_redis(runtime.settings.redis_url)
    try:
        while True:
            await asyncio.sleep(interval)
            lock = RedisLock(redis, "matching:expire-proposals", ttl_seconds=interval * 4)
            try:
                held = await lock.acquire()
            except RedisError as exc:
                log.warning("job lock unavailable, running anyway", error=repr(exc))
                held = True
            if not held:
                continue
            try:
                expired = await expire_once(runtime)
                if expired:
                    log.info("proposals expired", count=expired)
            except Exception as exc:  # the next tick tries again
                log.warning("expiring proposals failed", error=repr(exc))
            finally:
                await lock.release()
    finally:
        with contextlib.suppress(Exception):
            await redis.aclose()
