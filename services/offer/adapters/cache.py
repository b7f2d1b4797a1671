"""Redis cache of search answers, invalidated by every event that changes what search shows.

The key holds the offer version (raised in the same transaction as each location change,
correction or allocation event applied), the day (free places depend on it) and a hash of the
normalised question. A change makes a new version, so old entries are simply never read again
and expire by TTL: no delete races, no stale answers. Redis down = compute without cache.
Hits and misses per kind are counted on the service's /metrics.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from prometheus_client import CollectorRegistry, Counter
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.runtime.logs import get_logger

log = get_logger(__name__)
TTL_SECONDS = 600


class SearchCache:
    def __init__(self, redis: Redis | None, *, ttl_seconds: int = TTL_SECONDS,
                 registry: CollectorRegistry | None = None) -> None:
        self.redis = redis
        self.ttl = ttl_seconds
        self.hits = Counter("offer_cache_hits_total", "Search/location answers served from Redis", ["kind"],
                            registry=registry)
        self.misses = Counter("offer_cache_misses_total", "Search/location answers computed", ["kind"],
                              registry=registry)

    @staticmethod
    def key(kind: str, version: int, today: date, question: dict[str, Any]) -> str:
        digest = hashlib.sha256(json.dumps(question, sort_keys=True, default=str).encode()).hexdigest()[:32]
        return f"offer:{kind}:v{version}:{today.isoformat()}:{digest}"

    async def get_or_compute(self, key: str, compute: Callable[[], Awaitable[Any]]) -> Any:
        if self.redis is not None:
            try:
                cached = await self.redis.get(key)
            except RedisError as exc:
                log.warning("search cache unavailable", error=repr(exc))
                cached = None
            if cached is not None:
                self.hits.labels(key.split(":")[1]).inc()
                return json.loads(cached)
        self.misses.labels(key.split(":")[1]).inc()
        value = await compute()
        if self.redis is not None:
            try:
                await self.redis.set(key, json.dumps(value, default=str), ex=self.ttl)
            except RedisError as exc:
                log.warning("search cache unavailable", error=repr(exc))
        return value
