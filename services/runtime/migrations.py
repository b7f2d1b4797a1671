"""Alembic per service: each service keeps its history in ``services/<name>/migrations``.

``upgrade_to_head`` runs at start-up; ``python -m services.runtime.migrations <service> revision
"message"`` autogenerates a new revision from the service's metadata.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import tempfile
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, text

from services.runtime.db import Database
from services.runtime.settings import ROOT, load_settings


def alembic_config(service: str, metadata: MetaData) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "services" / service / "migrations"))
    cfg.attributes["metadata"] = metadata
    return cfg


MIGRATION_LOCK = 0x6F70_7661  # PostgreSQL advisory lock: one replica migrates at a time


async def _run(db: Database, cfg: Config, action: Any) -> None:
    async with db.engine.connect() as conn:
        def run(sync_conn: Any) -> None:
            cfg.attributes["connection"] = sync_conn
            action(cfg)

        if not db.is_sqlite:
            await conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        try:
            await conn.run_sync(run)
            await conn.commit()
        finally:
            if not db.is_sqlite:
                await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                await conn.commit()


async def upgrade_to_head(db: Database, service: str, metadata: MetaData) -> None:
    await _run(db, alembic_config(service, metadata), lambda cfg: command.upgrade(cfg, "head"))


def service_metadata(service: str) -> MetaData:
    module = importlib.import_module(f"services.{service}.adapters.tables")
    return module.metadata  # type: ignore[no-any-return]


def main(argv: list[str]) -> None:
    service, verb, *rest = argv
    url = load_settings(service).database_url
    if verb in {"revision", "check"}:  # compare against a fresh database, not the local one
        scratch = Path(tempfile.mkdtemp()) / f"{service}.db"
        url = f"sqlite+aiosqlite:///{scratch}"
    db = Database(url)
    metadata = service_metadata(service)
    cfg = alembic_config(service, metadata)
    if verb == "revision":
        message = rest[0] if rest else "change"
        asyncio.run(_run(db, cfg, lambda c: command.upgrade(c, "head")))
        asyncio.run(_run(db, cfg, lambda c: command.revision(c, message=message, autogenerate=True)))
    elif verb == "upgrade":
        asyncio.run(_run(db, cfg, lambda c: command.upgrade(c, "head")))
    elif verb == "check":
        asyncio.run(_run(db, cfg, lambda c: command.upgrade(c, "head")))
        asyncio.run(_run(db, cfg, lambda c: command.check(c)))
    else:
        raise SystemExit(f"unknown verb {verb!r}: use revision, upgrade or check")


if __name__ == "__main__":
    main(sys.argv[1:])
