"""The matching service in-process against a real database (SQLite file, or PostgreSQL with
``--db=postgres``): its real HTTP app over ASGI, its real event processor (contract parsing,
inbox, unit of work, outbox) fed with encoded contract records, and tokens signed by a local key
that the service's own verifier checks. The broker is exercised by the end-to-end tests."""

from __future__ import annotations

import itertools
import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from aiokafka import ConsumerRecord
from sqlalchemy import select

from contracts.builder import envelope_for
from contracts.envelope import encode
from contracts.events.base import Event
from services.identity.keys import SigningKey
from services.matching.adapters.tables import metadata
from services.matching.bootstrap import build_app
from services.runtime.auth import TokenVerifier
from services.runtime.clock import FixedClock
from services.runtime.migrations import upgrade_to_head
from services.runtime.settings import load_settings

ISSUER = "http://identity.test"


class LocalKeyVerifier(TokenVerifier):
    def __init__(self, settings: Any, key: SigningKey) -> None:
        super().__init__(settings)
        self._local = key

    async def _refresh(self) -> None:
        import jwt

        self._keys = {k["kid"]: jwt.PyJWK(k).key for k in self._local.jwks()["keys"]}
        self._fetched_at = time.monotonic()


class Harness:
    def __init__(self, tmp: Path, database_url: str, now: datetime) -> None:
        self.clock = FixedClock(now)
        self.settings = load_settings("matching", env="test", database_url=database_url, oidc_issuer=ISSUER,
                                      redis_url="redis://127.0.0.1:1/0")
        self.app = build_app(self.settings, clock=self.clock)
        self.runtime = self.app.state.runtime
        self.key = SigningKey(tmp / "key.pem")
        self.app.state.token_verifier = LocalKeyVerifier(self.settings, self.key)
        self.http = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://matching")
        self._offsets = itertools.count()

    async def start(self) -> None:
        await upgrade_to_head(self.runtime.db, "matching", metadata)

    async def stop(self) -> None:
        await self.http.aclose()
        await self.runtime.db.dispose()

    def token(self, role: str, subject: str = "someone", **claims: Any) -> dict[str, str]:
        now = int(time.time())
        body = {"iss": ISSUER, "aud": self.settings.oidc_audience, "sub": subject, "iat": now, "exp": now + 600,
                "role": role, **claims}
        return {"Authorization": f"Bearer {self.key.sign(body)}"}

    async def publish(self, *events: Event, at: datetime | None = None) -> None:
        """Hand contract events to matching's consumer as Kafka would (encoded records, one batch)."""
        records = []
        for data in events:
            envelope = envelope_for(data, occurred_at=at or self.clock.now(), correlation_id="test")
            key, value, headers = encode(envelope)
            records.append(ConsumerRecord(
                topic=data.topic, partition=0, offset=next(self._offsets), timestamp=0, timestamp_type=0, key=key,
                value=value, checksum=None, serialized_key_size=len(key), serialized_value_size=len(value),
                headers=[(k, v.encode()) for k, v in headers.items()]))
        await self.runtime.processors["matching.read-models"].process_batch(records)

    async def emitted(self, event_type: str | None = None) -> list[dict[str, Any]]:
        """Events in matching's outbox (what the relay publishes), oldest first."""
        outbox = self.runtime.tables.outbox
        async with self.runtime.db.session(readonly=True) as session:
            query = select(outbox.c.event_type, outbox.c.payload).order_by(outbox.c.id)
            rows = (await session.execute(query)).all()
        return [json.loads(r.payload) for r in rows if event_type is None or r.event_type == event_type]
