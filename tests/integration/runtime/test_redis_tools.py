"""Idempotency keys, rate limits and job locks against a real redis-server."""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest
from fastapi import FastAPI, Request
from redis.asyncio import Redis

from services.runtime.errors import AppError
from services.runtime.http import create_app
from services.runtime.redis_tools import RateLimiter, RedisLock
from services.runtime.settings import load_settings
from tests.support.waiting import eventually


def app_with(redis: Redis) -> tuple[FastAPI, list[int]]:
    calls: list[int] = []
    counter = itertools.count(1)
    limiter = RateLimiter(redis, "test")
    url = redis.connection_pool.connection_kwargs
    settings = load_settings("intake", env="test", redis_url=f"redis://127.0.0.1:{url['port']}/0")
    app = create_app(settings=settings, title="t")

    @app.post("/things")
    async def create(payload: dict[str, str]) -> dict[str, object]:
        number = next(counter)
        calls.append(number)
        await asyncio.sleep(0)
        return {"id": number, "name": payload["name"]}

    @app.get("/limited")
    async def limited(request: Request) -> dict[str, bool]:
        await limiter.hit("search", request.client.host if request.client else "?", limit=3, window_seconds=60)
        return {"ok": True}

    @app.get("/boom")
    async def boom() -> None:
        raise AppError("not_found", 404)

    return app, calls


@pytest.fixture
def client_for(redis: Redis):  # type: ignore[no-untyped-def]
    app, calls = app_with(redis)
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://t"), calls


async def test_idempotency_key_runs_a_post_once(client_for) -> None:  # type: ignore[no-untyped-def]
    client, calls = client_for
    headers = {"Idempotency-Key": "abc-1"}
    first = await client.post("/things", json={"name": "x"}, headers=headers)
    again = await client.post("/things", json={"name": "x"}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() == {"id": 1, "name": "x"}
    assert again.headers["idempotent-replayed"] == "true"
    assert calls == [1]
    other = await client.post("/things", json={"name": "y"}, headers=headers)
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_mismatch"
    fresh = await client.post("/things", json={"name": "x"}, headers={"Idempotency-Key": "abc-2"})
    assert fresh.json()["id"] == 2


async def test_a_running_claim_expires_soon_so_a_killed_request_can_be_retried(redis: Redis) -> None:
    """A process SIGKILLed mid-request leaves its "running" mark: it must not refuse retries for a day."""
    from services.runtime.redis_tools import IDEMPOTENCY_RUNNING_TTL, IDEMPOTENCY_TTL

    app, _ = app_with(redis)
    release = asyncio.Event()

    @app.post("/slow")
    async def slow() -> dict[str, bool]:
        await release.wait()
        return {"ok": True}

    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")
    before = {k async for k in redis.scan_iter("idem:intake:*")}
    running = asyncio.create_task(client.post("/slow", json={}, headers={"Idempotency-Key": "slow-1"}))

    async def claim_ttl() -> int:
        keys = [k async for k in redis.scan_iter("idem:intake:*") if k not in before]
        return int(await redis.ttl(keys[0])) if keys else -2

    during = await eventually(claim_ttl, until=lambda ttl: ttl > 0, what="the running claim")
    assert during <= IDEMPOTENCY_RUNNING_TTL
    release.set()
    assert (await running).status_code == 200
    assert await claim_ttl() > IDEMPOTENCY_RUNNING_TTL, "the stored answer is kept for the long TTL"
    assert IDEMPOTENCY_TTL > IDEMPOTENCY_RUNNING_TTL


async def test_rate_limit_answers_429_in_the_callers_language(client_for) -> None:  # type: ignore[no-untyped-def]
    client, _ = client_for
    answers = [await client.get("/limited", headers={"Accept-Language": "fr"}) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert "Réessayez" in answers[-1].json()["error"]["message"]
    assert int(answers[-1].headers["retry-after"]) >= 1


async def test_only_one_holder_of_a_job_lock(redis: Redis) -> None:
    first, second = RedisLock(redis, "digest", ttl_seconds=5), RedisLock(redis, "digest", ttl_seconds=5)
    assert await first.acquire()
    assert not await second.acquire()
    assert await first.renew()
    assert not await second.renew(), "a lock is only renewed by its holder"
    await second.release()  # releasing someone else's lock does nothing
    assert not await second.acquire()
    await first.release()
    async with second.held() as got:
        assert got


async def test_a_rate_window_starts_at_the_first_hit_and_later_hits_do_not_stretch_it(redis: Redis) -> None:
    limiter = RateLimiter(redis, "test")
    key = "rl:test:register:198.51.100.7"
    await limiter.hit("register", "198.51.100.7", limit=3, window_seconds=600)
    assert 590 <= await redis.ttl(key) <= 600
    await redis.expire(key, 5)  # the window is almost over
    await redis.script_flush()  # Redis restarted meanwhile: it no longer knows the script
    await limiter.hit("register", "198.51.100.7", limit=3, window_seconds=600)
    assert 0 < await redis.ttl(key) <= 5 and await redis.get(key) == b"2"
    await limiter.hit("register", "198.51.100.7", limit=3, window_seconds=600)
    with pytest.raises(AppError) as refused:
        await limiter.hit("register", "198.51.100.7", limit=3, window_seconds=600)
    assert refused.value.status == 429 and 1 <= refused.value.params["seconds"] <= 5
