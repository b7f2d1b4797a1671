"""Every service's migrations create exactly its models, and the inbox and outbox behave the same,
on SQLite and on a real PostgreSQL server (run with --db=postgres)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command

from services.runtime import inbox
from services.runtime.db import Database
from services.runtime.migrations import _run, alembic_config, service_metadata, upgrade_to_head
from tests.integration.runtime.harness import Harness, sqlite_url, withdrawn
from tests.support.postgres import PostgresServer

pytestmark = [pytest.mark.postgres]
BUS_SERVICES = ("intake", "offer", "matching", "notifications", "reporting")


@pytest.fixture
async def database_url(tmp_path: Path, postgres: PostgresServer | None) -> AsyncIterator[str]:
    if postgres is None:
        yield sqlite_url(tmp_path)
    else:
        yield postgres.create_database(f"t_{uuid.uuid4().hex[:10]}")


@pytest.mark.parametrize("service", BUS_SERVICES)
async def test_migrations_match_the_models(service: str, database_url: str) -> None:
    db = Database(database_url)
    metadata = service_metadata(service)
    try:
        await upgrade_to_head(db, service, metadata)
        await upgrade_to_head(db, service, metadata)  # a second start changes nothing
        await _run(db, alembic_config(service, metadata), command.check)  # raises on any difference
    finally:
        await db.dispose()


async def test_inbox_applies_an_event_once_per_group(database_url: str) -> None:
    harness = Harness(database_url)
    await harness.create()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    claims = []
    for group in ("a", "a", "b"):
        async with harness.uow() as uow:
            claims.append(await inbox.claim(uow.session, harness.tables, group=group, event_id="e-1",
                                            event_type="X", topic="t", partition=0, offset=1, now=now))
    assert claims == [True, False, True]
    await harness.db.dispose()


async def test_outbox_row_is_written_with_the_state_change_or_not_at_all(database_url: str) -> None:
    harness = Harness(database_url)
    await harness.create()
    with pytest.raises(RuntimeError):
        async with harness.uow() as uow:
            await uow.session.execute(harness.applied.insert().values(request_id="r1", reason="x"))
            await uow.emit(withdrawn("r1"))
            raise RuntimeError("the handler fails after emitting")
    assert await harness.outbox_rows() == [] and await harness.applied_ids() == []
    async with harness.uow() as uow:
        await uow.session.execute(harness.applied.insert().values(request_id="r1", reason="x"))
        envelope = await uow.emit(withdrawn("r1"))
    rows = await harness.outbox_rows()
    assert [r["event_id"] for r in rows] == [envelope.id] and rows[0]["status"] == "pending"
    assert await harness.applied_ids() == ["r1"]
    await harness.db.dispose()
