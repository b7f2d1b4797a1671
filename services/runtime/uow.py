"""Unit of work: one database transaction holding the state change and the events it emits.

Events go into the outbox table inside the same transaction (transactional outbox); after the
commit the relay is woken up so that latency stays low without busy polling.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.builder import envelope_for
from contracts.envelope import Envelope, encode, new_event_id
from contracts.events.base import Event
from services.runtime.clock import Clock
from services.runtime.db import Database
from services.runtime.logs import correlation_id_var
from services.runtime.tables import MessagingTables


class UnitOfWork:
    """Collects events during a transaction; the owner commits."""

    def __init__(
        self, session: AsyncSession, tables: MessagingTables, clock: Clock, service: str
    ) -> None:
        self.session = session
        self._tables = tables
        self._clock = clock
        self._service = service
        self.emitted: list[Envelope[Any]] = []

    async def emit(
        self,
        event: Event,
        *,
        occurred_at: datetime | None = None,
        cause: Envelope[Any] | None = None,
    ) -> Envelope[Any]:
        """Record *event* in the outbox of this transaction and return its envelope."""
        if event.owner != self._service:
            raise ValueError(f"{self._service} may not emit {event.event_type} (owner {event.owner})")
        correlation = (cause.correlation_id if cause else None) or correlation_id_var.get() or new_event_id()
        envelope = envelope_for(
            event,
            occurred_at=occurred_at or self._clock.now(),
            correlation_id=correlation,
            causation_id=cause.id if cause else None,
        )
        key, value, headers = encode(envelope)
        await self.session.execute(  # values as parameters: the statement is compiled once, not per event
            self._tables.outbox.insert(),
            {"event_id": envelope.id, "topic": event.topic, "message_key": key.decode(), "event_type": envelope.type,
             "payload": value.decode(), "headers": json.dumps(headers), "occurred_at": envelope.time,
             "status": "pending", "attempts": 0},
        )
        self.emitted.append(envelope)
        return envelope


class UnitOfWorkFactory:
    """Opens units of work on one service's database and wakes its relay after commits."""

    def __init__(
        self, db: Database, tables: MessagingTables, clock: Clock, service: str,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.tables = tables
        self.clock = clock
        self.service = service
        self._on_commit = on_commit

    def set_on_commit(self, callback: Callable[[], None]) -> None:
        self._on_commit = callback

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[UnitOfWork]:
        """Commit on normal exit, roll back on an exception."""
        async with self.db.session() as session:
            uow = UnitOfWork(session, self.tables, self.clock, self.service)
            try:
                yield uow
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
        if uow.emitted and self._on_commit is not None:
            self._on_commit()
