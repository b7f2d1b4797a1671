"""INSERT ... ON CONFLICT in the dialect of a session.

PostgreSQL and SQLite spell it alike, but SQLAlchemy has one construct per dialect; every service
stores with it (inbox claims, upserts, insert-once rows), so the choice is made here once.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel.ext.asyncio.session import AsyncSession


def dialect_of(session: AsyncSession) -> str:
    return session.bind.dialect.name if session.bind else "sqlite"


def conflict_insert(dialect: str, table: Any) -> PostgresInsert | SqliteInsert:
    """``insert(table)`` of *dialect*, with ``on_conflict_do_nothing`` / ``on_conflict_do_update``."""
    return pg_insert(table) if dialect == "postgresql" else sqlite_insert(table)


@functools.cache
def insert_unless_present(dialect: str, table: Any, unique: tuple[str, ...]) -> PostgresInsert | SqliteInsert:
    """``INSERT ... ON CONFLICT (unique) DO NOTHING``, built once per dialect and table, the row given as
    parameters when it is executed: SQLAlchemy then compiles it once. A statement with the values
    written into it gets a new cache key, and costs a compilation check, for every row."""
    return conflict_insert(dialect, table).on_conflict_do_nothing(index_elements=list(unique))
