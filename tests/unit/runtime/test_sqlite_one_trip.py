"""The one-trip SQLite driver behaves as SQLAlchemy's own aiosqlite adapter: same rows, counts,
errors and transactions (a failed transaction leaves nothing, a lock is released after a commit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from services.runtime.db import Database
from services.runtime.sqlite_driver import OneTripConnection

metadata = MetaData()
items = Table("items", metadata, Column("id", Integer, primary_key=True), Column("name", String, unique=True))


@pytest.fixture(params=[False, True], ids=["aiosqlite", "one-trip"])
async def db(tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", one_trip=request.param)
    async with database.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield database  # type: ignore[misc]
    await database.dispose()


async def test_rows_counts_and_ids_are_those_of_the_plain_adapter(db: Database) -> None:
    async with db.session() as session:
        first = await session.execute(insert(items).values(name="a"))
        await session.execute(insert(items), [{"name": "b"}, {"name": "c"}])  # executemany
        changed = await session.execute(update(items).where(items.c.name != "a").values(name=items.c.name + "!"))
        returned = await session.execute(update(items).where(items.c.id == 1).values(name="A").returning(items.c.id))
        assert returned.scalars().all() == [1]
        await session.commit()
    assert first.inserted_primary_key == (1,)
    assert changed.rowcount == 2
    async with db.session(readonly=True) as session:
        rows = (await session.execute(select(items.c.id, items.c.name).order_by(items.c.id))).all()
        empty = (await session.execute(text("SELECT name FROM items WHERE id = 99"))).all()
        await session.commit()
    assert [tuple(row) for row in rows] == [(1, "A"), (2, "b!"), (3, "c!")]
    assert empty == []


async def test_a_failed_transaction_leaves_nothing_and_the_next_one_works(db: Database) -> None:
    with pytest.raises(IntegrityError):
        async with db.session() as session:
            await session.execute(insert(items).values(name="x"))
            await session.execute(insert(items).values(name="x"))
    async with db.session() as session:
        assert (await session.execute(select(items.c.name))).all() == []
        await session.execute(insert(items).values(name="y"))
        await session.commit()
    async with db.session() as session:  # a write lock left behind would make this one wait 30 s and fail
        await session.execute(insert(items).values(name="z"))
        await session.commit()
        assert len((await session.execute(select(items.c.name))).all()) == 2


async def test_no_transaction_stays_open_on_a_pooled_connection(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'y.db'}", one_trip=True)
    try:
        async with db.session() as session:
            await session.execute(text("CREATE TABLE t (v INTEGER)"))
            await session.commit()
        for ends_with_commit in (True, False):
            async with db.session() as session:
                await session.execute(text("INSERT INTO t VALUES (1)"))
                if ends_with_commit:
                    await session.commit()
            async with db.engine.connect() as conn:
                raw = await conn.get_raw_connection()
                adapted = raw.driver_connection
                assert isinstance(raw.dbapi_connection, OneTripConnection)
                assert not await adapted._execute(lambda c=adapted: c._conn.in_transaction)  # noqa: SLF001
    finally:
        await db.dispose()
