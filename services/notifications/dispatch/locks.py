"""The first guard of a send: a Redis lock per message, for a whole chunk in one round trip.

The same lock names, tokens and release rule as ``RedisLock`` (``lock:notifications:send:<message>``, released
only by its owner), so replicas of before and after this change exclude each other. Redis being
unavailable costs only this guard: the database lease still lets exactly one replica send.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Sequence

from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.runtime.redis_tools import RedisLock


def lock_name(message_key: str) -> str:
    return f"lock:notifications:send:{message_key}"


class SendLocks:
    """Locks many messages with one pipelined round trip and releases them with one script."""

    def __init__(self, redis: Redis, ttl_seconds: float) -> None:
        self.redis = redis
        self.ttl_ms = int(ttl_seconds * 1000)
        self.token = uuid.uuid4().hex
        self.held: list[str] = []

    async def acquire(self, keys: Sequence[str]) -> set[str] | None:
        """The keys now locked by us; None when Redis cannot be asked (rely on the lease)."""
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.set(lock_name(key), self.token, nx=True, px=self.ttl_ms)
                answers = await pipe.execute()
        except RedisError:
            return None
        self.held = [key for key, answer in zip(keys, answers, strict=True) if answer]
        return set(self.held)

    async def release(self) -> None:
        if not self.held:
            return
        with contextlib.suppress(RedisError):
            await self.redis.eval(RedisLock.RELEASE, len(self.held), *[lock_name(key) for key in self.held],
                                  self.token)
        self.held = []
