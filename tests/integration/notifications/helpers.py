"""Reading the notifications database in tests, and waiting until the consumers caught up."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import select

from services.notifications.adapters.tables import NotificationsTable
from tests.integration.notifications.conftest import World
from tests.support.waiting import eventually

T = TypeVar("T", bound=NotificationsTable)


async def rows(world: World, model: type[T], **equal: Any) -> list[T]:
    query = select(model)
    for name, value in equal.items():
        query = query.where(getattr(model, name) == value)
    async with world.runtime.db.session(readonly=True) as session:
        found = list((await session.exec(query)).all())
        await session.commit()
    return found


async def wait_rows(world: World, model: type[T], count: int, what: str, **equal: Any) -> list[T]:
    """Wait until the consumers applied the events: exactly *count* matching rows."""
    return await eventually(lambda: rows(world, model, **equal), until=lambda r: len(r) == count, timeout=30,
                            what=what)
