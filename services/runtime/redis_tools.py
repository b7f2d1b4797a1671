"""What Redis is good at here: HTTP idempotency keys, rate limits, caches, a job lock.

Never the only copy of anything: losing Redis loses at most a cached answer or a replayable
idempotency record, never a request or an event.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import RedisError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.runtime.errors import AppError
from services.runtime.i18n import negotiate, translate
from services.runtime.logs import get_logger

log = get_logger(__name__)

IDEMPOTENCY_TTL = 24 * 3600
# a claim whose process died (SIGKILL mid-request) must not answer 409 for a whole day: the
# "running" mark lives this long, the stored answer IDEMPOTENCY_TTL
IDEMPOTENCY_RUNNING_TTL = 60


def make_redis(url: str) -> Redis:
    return Redis.from_url(url, decode_responses=False, socket_timeout=2, socket_connect_timeout=2)


class IdempotencyMiddleware:
    """POST/PUT/PATCH with an ``Idempotency-Key`` header run once; repeats get the stored answer.

    The key is scoped to the caller (its Authorization header or address) and the path; reusing
    a key for a different body is refused; a repeat while the first is still running gets 409.
    """

    def __init__(self, app: ASGIApp, redis: Redis, service: str) -> None:
        self.app = app
        self.redis = redis
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        key = headers.get("idempotency-key")
        if not key:
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        caller = headers.get("authorization") or (scope.get("client") or ("?",))[0]
        scope_hash = hashlib.sha256(f"{caller}|{scope['path']}|{key}".encode()).hexdigest()
        redis_key = f"idem:{self.service}:{scope_hash}"
        body_hash = hashlib.sha256(body).hexdigest()
        lang = negotiate(headers.get("accept-language"))
        try:
            claimed = await self.redis.set(redis_key, json.dumps({"state": "running", "body": body_hash}),
                                           nx=True, ex=IDEMPOTENCY_RUNNING_TTL)
            stored = None if claimed else await self.redis.get(redis_key)
        except RedisError as exc:  # degrade: run without idempotency, say so in the log
            log.warning("idempotency store unavailable", error=repr(exc))
            await self.app(scope, _replay(body), send)
            return
        if stored is not None:
            record = json.loads(stored)
            if record.get("body") != body_hash:
                await _send_json(send, 422, {"error": {"code": "idempotency_mismatch",
                                                       "message": translate("idempotency_mismatch", lang)}})
            elif record["state"] == "running":
                await _send_json(send, 409, {"error": {"code": "idempotency_conflict",
                                                       "message": translate("idempotency_conflict", lang)}})
            else:
                await _send_stored(send, record)
            return
        captured: dict[str, Any] = {"status": 500, "headers": [], "body": b"", "stored": False}

        async def finish() -> None:
            """Record the outcome before the client can see it, so a quick repeat finds it done."""
            captured["stored"] = True
            with contextlib.suppress(RedisError):
                if captured["status"] >= 500:
                    await self.redis.delete(redis_key)
                else:
                    record = {"state": "done", "body": body_hash, "status": captured["status"],
                              "headers": captured["headers"], "content": captured["body"].decode("latin-1")}
                    await self.redis.set(redis_key, json.dumps(record), ex=IDEMPOTENCY_TTL)

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [(k.decode(), v.decode()) for k, v in message.get("headers", [])]
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
                if not message.get("more_body"):
                    await finish()
            await send(message)

        try:
            await self.app(scope, _replay(body), capture)
        finally:
            if not captured["stored"]:
                await finish()


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()
        return {"type": "http.disconnect"}

    return receive


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


async def _send_stored(send: Send, record: dict[str, Any]) -> None:
    headers = [(k.encode(), v.encode()) for k, v in record["headers"] if k.lower() != "content-length"]
    body = record["content"].encode("latin-1")
    headers += [(b"idempotent-replayed", b"true"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": record["status"], "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """Fixed-window counter per (bucket, client). Fails open (logged) if Redis is down."""

    # count the hit, start the window on the first one, say how long it has left: one command (was a
    # MULTI/EXEC of five, a fifth of the CPU of a registration's HTTP handling outside its own code)
    HIT = """
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl == -1 then
    redis.call('EXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""

    def __init__(self, redis: Redis, service: str) -> None:
        self.redis = redis
        self.service = service
        self._hit = redis.register_script(self.HIT)  # EVALSHA, with EVAL once if Redis does not know it

    async def hit(self, bucket: str, client: str, *, limit: int, window_seconds: int) -> None:
        key = f"rl:{self.service}:{bucket}:{client}"
        try:
            count, ttl = await self._hit(keys=[key], args=[window_seconds])
        except RedisError as exc:
            log.warning("rate limiter unavailable", error=repr(exc))
            return
        if int(count) > limit:
            raise AppError("rate_limited", 429, seconds=max(int(ttl), 1))


class RedisLock:
    """A lease so that only one replica runs a scheduled job; renew while working."""

    # every lock named in KEYS that still holds our token (ARGV[1]) is deleted: one lock, or a chunk's
    RELEASE = """
local released = 0
for _, key in ipairs(KEYS) do
    if redis.call('get', key) == ARGV[1] then released = released + redis.call('del', key) end
end
return released
"""
    RENEW = ("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) "
             "else return 0 end")

    def __init__(self, redis: Redis, name: str, ttl_seconds: float = 30) -> None:
        self.redis = redis
        self.name = f"lock:{name}"
        self.ttl_ms = int(ttl_seconds * 1000)
        self.token = uuid.uuid4().hex

    async def acquire(self) -> bool:
        return bool(await self.redis.set(self.name, self.token, nx=True, px=self.ttl_ms))

    async def renew(self) -> bool:
        return bool(await self.redis.eval(self.RENEW, 1, self.name, self.token, self.ttl_ms))  # type: ignore[misc]

    async def release(self) -> None:
        with contextlib.suppress(RedisError):
            await self.redis.eval(self.RELEASE, 1, self.name, self.token)  # type: ignore[misc]

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[bool]:
        """Yield True if this replica holds the lock for the block, False if another does."""
        got = await self.acquire()
        try:
            yield got
        finally:
            if got:
                await self.release()
