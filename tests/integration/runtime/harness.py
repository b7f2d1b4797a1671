"""A minimal service for runtime tests: its own tables, a unit-of-work factory and a consumer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Column, MetaData, String, Table, select

from contracts.events.intake import RequestWithdrawn
from services.runtime.clock import SystemClock
from services.runtime.db import Database
from services.runtime.tables import MessagingTables, messaging_tables
from services.runtime.uow import UnitOfWorkFactory


class Harness:
    def __init__(self, url: str) -> None:
        self.metadata = MetaData()
        self.tables: MessagingTables = messaging_tables(self.metadata)
        self.applied = Table("applied", self.metadata, Column("request_id", String(36), primary_key=True),
                             Column("reason", String(40)))
        self.db = Database(url)
        self.uow = UnitOfWorkFactory(self.db, self.tables, SystemClock(), "intake")

    async def create(self) -> None:
        async with self.db.engine.begin() as conn:
            await conn.run_sync(self.metadata.create_all)

    async def applied_ids(self) -> list[str]:
        async with self.db.session(readonly=True) as session:
            rows = (await session.execute(select(self.applied.c.request_id))).all()
            await session.commit()
        return sorted(r[0] for r in rows)

    async def outbox_rows(self) -> list[dict[str, object]]:
        async with self.db.session(readonly=True) as session:
            rows = (await session.execute(select(self.tables.outbox).order_by(self.tables.outbox.c.id))).all()
            await session.commit()
        return [dict(r._mapping) for r in rows]


def sqlite_url(tmp: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp / 'harness.db'}"


def withdrawn(request_id: str, reason: str = "found_elsewhere") -> RequestWithdrawn:
    return RequestWithdrawn(request_id=request_id, desk_id="desk-1", reason=reason,  # type: ignore[arg-type]
                            withdrawn_at=datetime(2026, 5, 1, tzinfo=UTC))
