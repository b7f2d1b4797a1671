"""The notifications service in this process, against real parts started for the test session:
tansu (Kafka protocol), redis-server, the identity provider (real tokens), an SMTP server, a webhook
receiver and an HTTP server answering as intake and offer. Time is a FixedClock the tests move;
the scheduler does not run on its own - tests call ``tick()``.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from fastapi import FastAPI

from contracts.builder import envelope_for
from contracts.envelope import Envelope, encode
from contracts.events.base import Event
from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.serving import serving
from infra.local.stack import http_ok, redis_binary, tansu_binary
from services.notifications.bootstrap import build_app
from services.notifications.scheduling.scheduler import Scheduler, TickReport
from services.runtime.clock import FixedClock
from services.runtime.service import ServiceRuntime
from services.runtime.settings import ROOT, ServiceSettings, load_settings
from tests.integration.notifications.neighbours import MailBox, Neighbours, WebhookReceiver, start_smtp
from tests.support.postgres import PostgresServer


@dataclass
class Infra:
    bootstrap: str
    redis_url: str
    identity_url: str
    var: Path


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    var = Path(tempfile.mkdtemp(prefix="opvang-notif-"))
    kafka, redis, identity = free_port(), free_port(), free_port()
    identity_url = f"http://127.0.0.1:{identity}"
    processes = [
        ManagedProcess("tansu", [tansu_binary(), "broker", "--listener-url", f"tcp://127.0.0.1:{kafka}",
                                 "--advertised-listener-url", f"tcp://127.0.0.1:{kafka}", "--storage-engine",
                                 "memory://tansu/"], var / "tansu.log", ready=lambda: port_open(kafka)),
        ManagedProcess("redis", [redis_binary(), "--port", str(redis), "--bind", "127.0.0.1", "--save", "",
                                 "--appendonly", "no"], var / "redis.log", ready=lambda: port_open(redis)),
        ManagedProcess("identity", [sys.executable, "-m", "services.identity"], var / "identity.log", cwd=ROOT,
                       env={"ENV": "test", "OPVANG_VAR_DIR": str(var), "HTTP_PORT": str(identity),
                            "OIDC_ISSUER": identity_url, "LOG_LEVEL": "WARNING"},
                       ready=lambda: http_ok(f"{identity_url}/healthz")),
    ]
    try:
        for process in processes:
            process.start()
        yield Infra(f"127.0.0.1:{kafka}", f"redis://127.0.0.1:{redis}/0", identity_url, var)
    finally:
        for process in processes:
            process.stop()


@dataclass
class World:
    infra: Infra
    settings: ServiceSettings
    app: FastAPI
    runtime: ServiceRuntime
    scheduler: Scheduler
    clock: FixedClock
    api: httpx.AsyncClient
    mail: MailBox
    receiver: WebhookReceiver
    receiver_url: str
    neighbours: Neighbours
    neighbours_url: str
    producer: AIOKafkaProducer

    async def publish(self, event: Event, *, at: datetime | None = None, event_id: str | None = None) -> Envelope[Any]:
        envelope = envelope_for(event, occurred_at=at or self.clock.now(), correlation_id="test-notifications",
                                event_id=event_id)
        key, value, headers = encode(envelope)
        await self.producer.send_and_wait(event.topic, value=value, key=key,
                                          headers=[(k, v.encode()) for k, v in headers.items()])
        return envelope

    async def tick(self, at: datetime | None = None) -> TickReport:
        if at is not None:
            self.clock.set(at)
        return await self.scheduler.tick()

    async def token(self, username: str) -> dict[str, str]:
        async with httpx.AsyncClient(timeout=10) as http:
            answer = await http.post(f"{self.infra.identity_url}/token",
                                     data={"grant_type": "password", "username": username, "password": "demo"})
        answer.raise_for_status()
        return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def notification_settings(infra: Infra, db: str, neighbours_url: str, smtp_port: int) -> ServiceSettings:
    return load_settings(
        "notifications", env="test", database_url=db, kafka_bootstrap_servers=infra.bootstrap,
        redis_url=infra.redis_url, oidc_issuer=infra.identity_url, oidc_jwks_url="", smtp_host="127.0.0.1",
        smtp_port=smtp_port, consumer_retry_base_seconds=0.05, outbox_poll_seconds=0.1,
        service_urls={"intake": neighbours_url, "offer": neighbours_url, "portal": "http://portal.test"},
    )


@pytest.fixture(scope="module")
async def world(infra: Infra, tmp_path_factory: pytest.TempPathFactory,
                postgres: PostgresServer | None) -> AsyncIterator[World]:
    clock = FixedClock(datetime(2025, 4, 14, 8, tzinfo=UTC))
    controller, mail, smtp_port = start_smtp()
    receiver = WebhookReceiver()
    db = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('notifications') / 'notifications.db'}"
    if postgres is not None:  # pytest -m postgres --db=postgres: the same tests on a real PostgreSQL server
        db = postgres.create_database(f"notifications_{uuid.uuid4().hex[:8]}")
    probe = load_settings("notifications", env="test", oidc_issuer=infra.identity_url)
    neighbours = Neighbours(probe)
    producer = AIOKafkaProducer(bootstrap_servers=infra.bootstrap)
    await producer.start()
    try:
        async with serving(receiver.app(clock.now)) as receiver_url, serving(neighbours.app()) as neighbours_url:
            settings = notification_settings(infra, db, neighbours_url, smtp_port)
            app = build_app(settings, clock=clock, run_scheduler=False)
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(transport=transport, base_url="http://notifications") as api:
                    yield World(infra, settings, app, app.state.runtime, app.state.scheduler, clock, api, mail,
                                receiver, receiver_url, neighbours, neighbours_url, producer)
    finally:
        await producer.stop()
        controller.stop()
