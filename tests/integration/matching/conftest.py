"""Fixtures: one matching harness per test, on the run's database engine."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.matching.harness import Harness
from tests.support.postgres import PostgresServer

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
async def matching(tmp_path: Path, postgres: PostgresServer | None) -> AsyncIterator[Harness]:
    if postgres is not None:
        url = postgres.create_database(f"matching_{uuid.uuid4().hex[:12]}")
    else:
        url = f"sqlite+aiosqlite:///{tmp_path / 'matching.db'}"
    harness = Harness(tmp_path, url, NOW)
    await harness.start()
    yield harness
    await harness.stop()
