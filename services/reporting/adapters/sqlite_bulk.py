"""Many rows in one statement on SQLite, without SQLAlchemy's per-row parameter processing.

A rebuild writes two rows per event (inbox claim and fact); through the Core ``insert`` each row
costs tens of microseconds of Python in SQLAlchemy before SQLite sees it. Here each value goes
through the column type's own bind processor (so what is stored is exactly what SQLAlchemy would
store: the same datetime text, the same booleans) and the rows go to the driver's ``executemany``,
inside the caller's transaction. SQLite only: PostgreSQL keeps the Core statements.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlmodel.ext.asyncio.session import AsyncSession

Processor = Callable[[Any], Any] | None
_PROCESSORS: dict[tuple[str, tuple[str, ...]], list[Processor]] = {}


def is_sqlite(session: AsyncSession) -> bool:
    return bool(session.bind is not None and session.bind.dialect.name == "sqlite")


def _processors(session: AsyncSession, table: Table, columns: tuple[str, ...]) -> list[Processor]:
    key = (table.name, columns)
    if key not in _PROCESSORS:
        dialect = session.bind.dialect  # type: ignore[union-attr]
        # the dialect's own type (SQLite's DATETIME), not the generic one: the generic DateTime has no
        # bind processor, and sqlite3's default adapter would store another text ("...+00:00")
        _PROCESSORS[key] = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    return _PROCESSORS[key]


def as_tuples(session: AsyncSession, table: Table, columns: tuple[str, ...],
              rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    processors = _processors(session, table, columns)
    processed = [(index, process) for index, process in enumerate(processors) if process is not None]
    pick = itemgetter(*columns)
    plain = [pick(row) if len(columns) > 1 else (pick(row),) for row in rows]
    if not processed:
        return plain
    converted = []
    texts: list[dict[Any, Any]] = [{} for _ in processed]  # a batch repeats values (its inbox time): once each
    for values in plain:
        values = list(values)
        for (index, process), known in zip(processed, texts, strict=True):
            value = values[index]
            if value is not None:
                text = known.get(value)
                if text is None:
                    text = known[value] = process(value)
                values[index] = text
        converted.append(tuple(values))
    return converted


async def insert_or_ignore(session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert every row (same keys in each) in one executemany, keeping a row already there.

    ``ON CONFLICT DO NOTHING`` as on PostgreSQL: only a uniqueness conflict is ignored. (``INSERT OR
    IGNORE`` would also drop, silently, a row that breaks NOT NULL or CHECK.)"""
    if not rows:
        return
    columns = tuple(rows[0])
    statement = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
                 f"VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT DO NOTHING")
    connection = await session.connection()
    await connection.exec_driver_sql(statement, as_tuples(session, table, columns, rows))  # type: ignore[arg-type]


async def existing_keys(session: AsyncSession, table: Table, column: str, keys: Sequence[str],
                        **equal: Any) -> set[str]:
    """Which of *keys* are already in *column* (rows also matching *equal*), a few hundred at a time."""
    found: set[str] = set()
    connection = await session.connection()
    where = "".join(f" AND {name} = ?" for name in equal)
    for start in range(0, len(keys), 500):
        chunk = list(keys[start:start + 500])
        statement = (f"SELECT {column} FROM {table.name} WHERE {column} IN ({', '.join('?' for _ in chunk)})"
                     f"{where}")
        result = await connection.exec_driver_sql(statement, tuple([*chunk, *equal.values()]))
        found.update(str(row[0]) for row in result.all())
    return found
