"""The one-hop SQLite adapter answers exactly as the stock aiosqlite adapter does: rows, row counts,
last row ids, RETURNING, executemany, streaming, errors and rolled-back transactions."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Column, CursorResult, Integer, MetaData, String, Table, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from services.runtime.db import Database
from services.runtime.sqlite_driver import OneHopConnection

metadata = MetaData()
things = Table("thing", metadata, Column("id", Integer, primary_key=True), Column("name", String, unique=True))


async def _story(db: Database) -> list[Any]:
    """The same statements, whatever the adapter: what each one answered."""
    seen: list[Any] = []
    async with db.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    async with db.session() as session:
        first = cast(CursorResult[Any], await session.execute(insert(things).values(name="a")))
        seen.append(first.inserted_primary_key)
        await session.execute(insert(things), [{"name": "b"}, {"name": "c"}, {"name": "d"}])
        changed = await session.execute(update(things).where(things.c.name.in_(["b", "c"]))
                                        .values(name=things.c.name + "!"))
        seen.append(changed.rowcount)  # type: ignore[attr-defined]
        returned = await session.execute(update(things).where(things.c.name == "d").values(name="e")
                                         .returning(things.c.id, things.c.name))
        seen.append([tuple(r) for r in returned.all()])
        await session.commit()
    async with db.session() as session:
        with pytest.raises(IntegrityError):
            await session.execute(insert(things).values(name="a"))
        await session.rollback()
    async with db.session() as session:
        await session.execute(insert(things).values(name="gone"))
        await session.rollback()
    async with db.engine.connect() as conn:
        streamed = await conn.stream(select(things.c.name).order_by(things.c.id))
        seen.append([row[0] async for row in streamed])
    async with db.session(readonly=True) as session:
        seen.append((await session.execute(text("SELECT count(*) FROM thing"))).scalar_one())
    return seen


async def test_one_hop_answers_like_the_stock_adapter(tmp_path: Path) -> None:
    ours = Database(f"sqlite+aiosqlite:///{tmp_path / 'ours.db'}")
    stock = Database(f"sqlite+aiosqlite:///{tmp_path / 'stock.db'}")
    await stock.engine.dispose()
    stock.engine = create_async_engine(stock.url, connect_args={"timeout": 30})  # the stock adapter
    stock._tune_sqlite()  # noqa: SLF001 - the same pragmas and BEGIN IMMEDIATE
    stock._sessions = async_sessionmaker(stock.engine, class_=AsyncSession, expire_on_commit=False)  # noqa: SLF001
    try:
        for db, one_hop in ((ours, True), (stock, False)):
            async with db.engine.connect() as conn:
                raw = await conn.get_raw_connection()
                assert isinstance(raw.dbapi_connection, OneHopConnection) is one_hop
        expected = await _story(stock)
        assert await _story(ours) == expected
        assert expected[1] == 2 and expected[-1] == 4
    finally:
        await ours.dispose()
        await stock.dispose()
