"""The dispatcher: sends every due delivery once, whatever the number of replicas.

For each due message (a digest batch counts as one): take the Redis lock, claim the rows with a
database lease, send, record the outcome. Redis being down only costs the first guard; the lease
in the database still lets exactly one replica send.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.exc import IntegrityError

from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.directory import Directory
from services.notifications.adapters.mailer import Mailer, SendResult
from services.notifications.adapters.webhook_sender import WebhookSender
from services.notifications.dispatch.claims import claim, due_groups
from services.notifications.dispatch.family_send import send_to_family
from services.notifications.dispatch.outcomes import record
from services.notifications.dispatch.provider_send import publish_to_feed, send_email, send_webhook
from services.runtime.clock import Clock
from services.runtime.logs import get_logger
from services.runtime.redis_tools import RedisLock
from services.runtime.uow import UnitOfWorkFactory

log = get_logger(__name__)
SEND_CONCURRENCY = 8  # messages sent at a time: one slow endpoint does not hold up the others


class Dispatcher:
    def __init__(self, *, uow: UnitOfWorkFactory, clock: Clock, redis: Redis, mailer: Mailer,
                 webhooks: WebhookSender, directory: Directory, portal_url: str, lock_seconds: float = 60,
                 concurrency: int = SEND_CONCURRENCY) -> None:
        self.uow = uow
        self.db = uow.db
        self.clock = clock
        self.redis = redis
        self.mailer = mailer
        self.webhooks = webhooks
        self.directory = directory
        self.portal_url = portal_url
        self.lock_seconds = lock_seconds
        self.concurrency = concurrency
        self.sent_total = 0

    async def dispatch_due(self) -> int:
        """Send what is due now, a few messages at a time; returns how many deliveries this replica handled."""
        gate = asyncio.Semaphore(self.concurrency)

        async def one(key: str, ids: list[str]) -> int:
            async with gate:
                return await self._send_group(key, ids)

        groups = await due_groups(self.db, self.clock.now())
        handled = sum(await asyncio.gather(*(one(key, ids) for key, ids in groups)))
        self.sent_total += handled
        return handled

    async def _send_group(self, key: str, ids: list[str]) -> int:
        lock: RedisLock | None = RedisLock(self.redis, f"notifications:send:{key}", ttl_seconds=self.lock_seconds)
        try:
            if not await lock.acquire():  # type: ignore[union-attr]
                return 0
        except RedisError as exc:
            log.warning("send lock unavailable, relying on the database lease", error=repr(exc))
            lock = None
        try:
            token, rows = await claim(self.db, ids, self.clock.now())
            if rows:
                await self._send(key, token, rows)
            return len(rows)
        finally:
            if lock is not None:
                await lock.release()

    async def _send(self, key: str, token: str, rows: list[Delivery]) -> None:
        first = rows[0]
        if first.audience == "family":
            for row in rows:
                await send_to_family(row, token, uow=self.uow, mailer=self.mailer, directory=self.directory,
                                     at=self.clock.now())
            return
        if first.channel == "pull":
            for row in rows:
                await self._publish(row, token)
            return
        at = self.clock.now()
        try:
            async with self.db.session(readonly=True) as session:
                if first.channel == "email":
                    result = await send_email(session, rows, key, mailer=self.mailer, directory=self.directory,
                                              portal_url=self.portal_url, at=at)
                else:
                    result = await send_webhook(session, rows, key, sender=self.webhooks,
                                                directory=self.directory, at=at)
                await session.commit()
        except Exception as exc:  # a bug or an odd answer must not stop the other messages
            log.exception("send failed", group=key)
            result = SendResult(False, f"error: {exc!r}"[:300])
        async with self.uow() as unit:
            await record(unit, [row.delivery_id for row in rows], token, result, self.clock.now())

    async def _publish(self, row: Delivery, token: str) -> None:
        try:
            async with self.uow() as unit:
                fresh = await unit.session.get(Delivery, row.delivery_id)
                if fresh is not None and fresh.lease_owner == token and fresh.status == "sending":
                    await publish_to_feed(unit, fresh, self.clock.now())
        except IntegrityError:  # another replica numbered a message of this provider at the same time
            async with self.uow() as unit:
                fresh = await unit.session.get(Delivery, row.delivery_id)
                if fresh is not None and fresh.lease_owner == token:
                    fresh.status, fresh.lease_owner, fresh.lease_until = "retrying", None, None
