"""``python -m services.reporting [serve | rebuild | share]``: the service and its commands.

* ``serve`` (default): the HTTP API, the projection consumer and the hub-stream publisher.
* ``rebuild``: forget the projection and replay the log from its start, with a progress bar.
  The service may keep running meanwhile; reports answer "being rebuilt" until it is done.
* ``share --desk D --year Y [--cutoff YYYY-MM-DD]``: send the yearly report to every provider
  of the desk's working area (what the desk page's button does).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date

from services.reporting.adapters.tables import metadata
from services.reporting.domain.calendar import default_cutoff
from services.reporting.progress import ProgressBar
from services.reporting.rebuild import DEFAULT_BATCH, Rebuilder
from services.runtime.clock import SystemClock
from services.runtime.db import Database
from services.runtime.logs import configure_logging
from services.runtime.migrations import upgrade_to_head
from services.runtime.settings import load_settings
from services.runtime.tables import messaging_tables
from services.runtime.uow import UnitOfWorkFactory

SERVICE = "reporting"


def _uow(db: Database) -> UnitOfWorkFactory:
    return UnitOfWorkFactory(db, messaging_tables(metadata), SystemClock(), SERVICE)


async def rebuild(batch: int) -> None:
    settings = load_settings(SERVICE)
    configure_logging(SERVICE, "WARNING", False)
    db = Database(settings.database_url)
    try:
        await upgrade_to_head(db, SERVICE, metadata)
        bar = ProgressBar("Heropbouw")
        result = await Rebuilder(settings=settings, uow=_uow(db), progress=bar, batch=batch).run()
        bar.finish(f"Klaar: {result.records} events gelezen, {result.applied} toegepast, {result.duplicates} "
                   f"dubbel, {result.skipped} overgeslagen in {result.seconds:.1f} s ({result.rate:,.0f} events/s).")
    finally:
        await db.dispose()


async def share(desk_id: str, year: int, cutoff: date | None) -> None:
    from services.reporting.sharing import share_yearly_report

    settings = load_settings(SERVICE)
    configure_logging(SERVICE, "WARNING", False)
    db = Database(settings.database_url)
    try:
        await upgrade_to_head(db, SERVICE, metadata)
        async with _uow(db)() as uow:
            shared = await share_yearly_report(uow, desk_id=desk_id, year=year, cutoff=cutoff or default_cutoff(year),
                                               shared_by="cli")
        print(f"Gedeeld met {len(shared.provider_ids)} organisatoren (share {shared.share_id}); "
              "de service publiceert YearlyReportShared via haar outbox.")
    finally:
        await db.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m services.reporting",
                                     description="Opvangloket reporting: the service and its commands.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the service (default)")
    rebuild_cmd = commands.add_parser("rebuild", help="rebuild the projection from the start of the log")
    rebuild_cmd.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="records per transaction")
    share_cmd = commands.add_parser("share", help="send the yearly report to the providers of a working area")
    share_cmd.add_argument("--desk", required=True)
    share_cmd.add_argument("--year", type=int, required=True)
    share_cmd.add_argument("--cutoff", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    if args.command in (None, "serve"):
        from services.runtime.runner import serve

        serve(SERVICE, "services.reporting.bootstrap:build_app")
    elif args.command == "rebuild":
        asyncio.run(rebuild(args.batch))
    elif args.command == "share":
        asyncio.run(share(args.desk, args.year, args.cutoff))
    else:  # pragma: no cover - argparse refuses unknown commands
        sys.exit(2)

