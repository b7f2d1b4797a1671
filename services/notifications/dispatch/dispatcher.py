"""The dispatcher: sends every due delivery once, whatever the number of replicas.

Due messages (a digest batch counts as one) are taken a chunk at a time: Redis locks for the chunk
in one round trip, one transaction that leases the rows and reads what sending needs, the sends (a
few at a time), and their results committed as they come (``recorder.py``); the chunk's messages for
pull feeds are numbered together in one transaction. Redis being down only
costs the first guard; the lease in the database still lets exactly one replica send. Why chunks:
on SQLite each transaction costs far more CPU than its rows, and every chunk's sends finish well
within both the lock's and the lease's time.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.directory import Directory
from services.notifications.adapters.mailer import Mailer, SendResult
from services.notifications.adapters.webhook_sender import WebhookSender
from services.notifications.dispatch.claims import Claim, claim_batch, due_groups
from services.notifications.dispatch.family_send import send_to_family
from services.notifications.dispatch.locks import SendLocks
from services.notifications.dispatch.provider_send import publish_to_feed, send_email, send_webhook
from services.notifications.dispatch.recorder import Recorder
from services.runtime.clock import Clock
from services.runtime.logs import get_logger
from services.runtime.uow import UnitOfWorkFactory

log = get_logger(__name__)
SEND_CONCURRENCY = 8  # messages sent at a time: one slow endpoint does not hold up the others
CHUNK = 16  # messages claimed together: at 8 at a time and <= 15 s each, well within the 60 s lock


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
        """Send what is due now; returns how many deliveries this replica handled."""
        groups = await due_groups(self.db, self.clock.now())
        handled = 0
        for start in range(0, len(groups), CHUNK):
            handled += await self._send_chunk(groups[start:start + CHUNK])
        self.sent_total += handled
        return handled

    async def _send_chunk(self, groups: list[tuple[str, list[str]]]) -> int:
        locks = SendLocks(self.redis, self.lock_seconds)
        mine = await locks.acquire([key for key, _ in groups])
        if mine is None:
            log.warning("send locks unavailable, relying on the database lease")
        try:
            wanted = [(key, ids) for key, ids in groups if mine is None or key in mine]
            if not wanted:
                return 0
            claimed = await claim_batch(self.db, [i for _, ids in wanted for i in ids], self.clock.now())
            by_id = {row.delivery_id: row for row in claimed.rows}  # what the groups below still send
            feed = [by_id.pop(row.delivery_id) for row in claimed.rows
                    if row.audience == "provider" and row.channel == "pull"]
            published = await self._publish_all(feed, claimed.token) if feed else 0
            recorder = Recorder(self.uow, self.clock, claimed.token)
            gate = asyncio.Semaphore(self.concurrency)

            async def one(key: str, ids: list[str]) -> int:
                rows = [by_id[i] for i in ids if i in by_id]
                if rows:
                    async with gate:
                        await self._send(key, claimed, rows, recorder)
                return len(rows)

            return published + sum(await asyncio.gather(*(one(key, ids) for key, ids in wanted)))
        finally:
            await locks.release()

    async def _send(self, key: str, claimed: Claim, rows: list[Delivery], recorder: Recorder) -> None:
        first = rows[0]
        if first.audience == "family":
            for row in rows:
                await send_to_family(row, claimed.token, uow=self.uow, mailer=self.mailer, directory=self.directory,
                                     at=self.clock.now())
            return
        at = self.clock.now()
        try:
            if first.channel == "email":
                result = await send_email(claimed, rows, key, mailer=self.mailer, directory=self.directory,
                                          portal_url=self.portal_url, at=at)
            else:
                result = await send_webhook(claimed, rows, key, sender=self.webhooks, directory=self.directory, at=at)
        except Exception as exc:  # a bug or an odd answer must not stop the other messages
            log.exception("send failed", group=key)
            result = SendResult(False, f"error: {exc!r}"[:300])
        await recorder.record([row.delivery_id for row in rows], result)

    async def _publish_all(self, rows: list[Delivery], token: str) -> int:
        """Number every pull message of the chunk in one transaction; one by one if another replica
        numbered a message of the same provider meanwhile. If the database fails, these stay leased
        and are numbered once the lease runs out; the chunk's other messages go on meanwhile."""
        try:
            async with self.uow() as unit:
                leased = await unit.session.exec(select(Delivery).where(
                    col(Delivery.delivery_id).in_([row.delivery_id for row in rows]),
                    col(Delivery.lease_owner) == token, col(Delivery.status) == "sending",
                ).order_by(col(Delivery.delivery_id)))
                at = self.clock.now()
                for fresh in leased.all():
                    await publish_to_feed(unit, fresh, at)
        except IntegrityError:
            for row in rows:
                await self._publish(row, token)
        except Exception:
            log.exception("numbering feed messages failed", messages=len(rows))
            return 0
        return len(rows)

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
