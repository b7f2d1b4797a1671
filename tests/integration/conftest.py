"""Fixtures for adapter tests against real infrastructure processes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from aiosmtpd.controller import Controller
from redis.asyncio import Redis

from infra.local.processes import ManagedProcess, free_port
from tests.support.infra import port_of, redis_process, tansu_process
from tests.support.smtp_inbox import Inbox


@pytest.fixture(scope="module")
def broker() -> Iterator[ManagedProcess]:
    """A tansu broker of its own; tests may kill and restart it."""
    process = tansu_process()
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def bootstrap(broker: ManagedProcess) -> str:
    return f"127.0.0.1:{port_of(broker)}"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[int]:
    process, port = redis_process()
    process.start()
    yield port
    process.stop()


@pytest.fixture
async def redis(redis_server: int) -> AsyncIterator[Redis]:
    client = Redis.from_url(f"redis://127.0.0.1:{redis_server}/0")
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def smtp_inbox() -> Iterator[tuple[Controller, Inbox]]:
    """A real SMTP server in the test process and what it accepted."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()
