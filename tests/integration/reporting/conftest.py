"""A real tansu broker (its own process, free port) and the reporting runtime in this process,
on a SQLite file, consuming from it."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from infra.local.processes import ManagedProcess, free_port, port_open
from infra.local.stack import tansu_binary
from services.reporting.adapters.tables import metadata
from services.reporting.bootstrap import projection_subscription
from services.runtime.clock import FixedClock, SystemClock
from services.runtime.db import Database
from services.runtime.migrations import upgrade_to_head
from services.runtime.service import ServiceRuntime
from services.runtime.settings import ServiceSettings, load_settings
from services.runtime.tables import messaging_tables
from services.runtime.uow import UnitOfWorkFactory


@pytest.fixture
def broker() -> Iterator[str]:
    """A broker of this test's own: consumer-group offsets of other tests never leak in."""
    port = free_port()
    logs = Path(tempfile.mkdtemp(prefix="opvang-reporting-it-"))
    process = ManagedProcess(
        "tansu",
        [tansu_binary(), "broker", "--listener-url", f"tcp://127.0.0.1:{port}", "--advertised-listener-url",
         f"tcp://127.0.0.1:{port}", "--storage-engine", "memory://tansu/"],
        logs / "tansu.log", ready=lambda: port_open(port), ready_timeout=30,
    )
    process.start()
    yield f"127.0.0.1:{port}"
    process.stop()


def reporting_settings(broker: str, directory: Path, **overrides: Any) -> ServiceSettings:
    return load_settings("reporting", env="test", kafka_bootstrap_servers=broker, consumer_retry_base_seconds=0.05,
                         database_url=f"sqlite+aiosqlite:///{directory / 'reporting.db'}", **overrides)


@pytest.fixture
async def reporting(broker: str, tmp_path: Path) -> AsyncIterator[ServiceRuntime]:
    runtime = ServiceRuntime(reporting_settings(broker, tmp_path), metadata,
                             clock=FixedClock(datetime(2026, 3, 1, tzinfo=UTC)))
    runtime.subscribe(projection_subscription())
    await runtime.start()
    yield runtime
    await runtime.stop()


@pytest.fixture
async def uow(tmp_path: Path) -> AsyncIterator[UnitOfWorkFactory]:
    """Reporting's tables and inbox in a fresh SQLite file, migrated as the service would."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'reporting.db'}")
    await upgrade_to_head(db, "reporting", metadata)
    yield UnitOfWorkFactory(db, messaging_tables(metadata), SystemClock(), "reporting")
    await db.dispose()
