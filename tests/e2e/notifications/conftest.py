"""Fixtures of the notifications end-to-end tests: tokens, the service clock, a browser, a webhook
receiver in this process (reachable by the notifications process), and the bus."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from playwright.async_api import Browser

from contracts.builder import envelope_for
from contracts.envelope import encode
from contracts.events.base import Event
from infra.demo.data import ACCOUNTS, PROVIDERS
from infra.local.serving import serving
from infra.local.stack import LocalStack
from tests.integration.notifications.neighbours import WebhookReceiver


@dataclass
class ServiceClock:
    """The notifications process's clock (ENV=test), moved with POST /_test/clock."""

    url: str
    offset: timedelta = field(default=timedelta(0))

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    async def set(self, http: httpx.AsyncClient, moment: datetime) -> None:
        self.offset = moment - datetime.now(UTC)
        answer = await http.post(f"{self.url}/_test/clock", json={"now": moment.isoformat()})
        answer.raise_for_status()


@dataclass
class Bus:
    producer: AIOKafkaProducer

    async def publish(self, event: Event, at: datetime) -> None:
        key, value, headers = encode(envelope_for(event, occurred_at=at, correlation_id="e2e-notifications"))
        await self.producer.send_and_wait(event.topic, value=value, key=key,
                                          headers=[(k, v.encode()) for k, v in headers.items()])


async def token(system: LocalStack, username: str) -> str:
    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(f"{system.url('identity')}/token",
                                 data={"grant_type": "password", "username": username, "password": "demo"})
    answer.raise_for_status()
    return str(answer.json()["access_token"])


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


@pytest.fixture(scope="module")
async def service_clock(system: LocalStack) -> AsyncIterator[ServiceClock]:
    clock = ServiceClock(system.url("notifications"))
    yield clock
    async with httpx.AsyncClient(timeout=10) as http:  # give the shared system its real time back
        await clock.set(http, datetime.now(UTC))


@pytest.fixture(scope="module", autouse=True)
async def restore_demo_providers(system: LocalStack) -> AsyncIterator[None]:
    """The system is shared: give the demo providers their demo settings back, without our webhooks."""
    yield
    api = system.url("notifications")
    async with httpx.AsyncClient(timeout=10) as http:
        for provider in PROVIDERS:
            username = next(a.username for a in ACCOUNTS if a.provider_id == provider.provider_id)
            headers = bearer(await token(system, username))
            for hook in (await http.get(f"{api}/api/v1/provider/webhooks", headers=headers)).json():
                await http.delete(f"{api}/api/v1/provider/webhooks/{hook['subscription_id']}", headers=headers)
            await http.put(f"{api}/api/v1/provider/preferences", headers=headers, json={
                "mode": "immediate", "digest_hour": 8, "channels": ["email", "pull"], "email": provider.email,
                "language": "nl"})


@pytest.fixture(scope="module")
async def receiver(service_clock: ServiceClock) -> AsyncIterator[tuple[WebhookReceiver, str]]:
    hooks = WebhookReceiver()
    async with serving(hooks.app(service_clock.now)) as url:
        yield hooks, url


@pytest.fixture(scope="module")
async def bus(system: LocalStack) -> AsyncIterator[Bus]:
    producer = AIOKafkaProducer(bootstrap_servers=system.bootstrap_servers)
    await producer.start()
    yield Bus(producer)
    await producer.stop()


async def signed_in_page(browser: Browser, system: LocalStack, username: str, **context: Any) -> Any:
    """A page whose portal session is the demo user's (the cookie the OIDC callback would set)."""
    page_context = await browser.new_context(**{"locale": "nl-BE", **context})
    await page_context.add_cookies([{"name": "opvang_token", "value": await token(system, username),
                                     "url": system.url("portal")}])
    return await page_context.new_page()
