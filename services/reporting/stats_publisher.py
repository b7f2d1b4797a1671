"""Publishes MunicipalityStats for regional hubs on the compacted topic, through the outbox.

Handlers mark the desk a new fact concerns (once per transaction: cheap for a rebuild); this job
takes the marked desks, computes the months (domain/hub_stats.py) of every municipality their
families live in, and emits only the months whose figures changed since the last emission, in
the same transaction that records what was emitted. Key = ``nis:month``, so
compaction keeps the latest figures of each municipality and month. A month's event time is
the time of its latest fact: a rebuild emits the same records. It does not run while the
projection is being rebuilt (half-built figures are not news).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
from typing import Any

from sqlalchemy import and_, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.events.reporting import MunicipalityStats
from services.reporting.adapters.fact_queries import facts_for_municipality, home_municipalities, horizon
from services.reporting.adapters.projection_state import STATUS, mark_all_desks_dirty, status
from services.reporting.adapters.tables import ProjectionStatus, StatsDirty, StatsPublished
from services.reporting.config import ReportingConfig
from services.reporting.domain.calendar import month_key
from services.reporting.domain.hub_stats import MonthStats, municipality_months
from services.runtime.logs import get_logger
from services.runtime.service import ServiceRuntime
from services.runtime.upserts import conflict_insert, dialect_of

log = get_logger(__name__)
DIRTY = StatsDirty.__table__  # type: ignore[attr-defined]
PUBLISHED = StatsPublished.__table__  # type: ignore[attr-defined]
DESKS_PER_ROUND = 5


def digest(stats: MonthStats, threshold: int) -> str:
    body = {**stats.suppressed(threshold), "computed_at": stats.computed_at.isoformat(), "threshold": threshold}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


class StatsPublisher:
    def __init__(self, runtime: ServiceRuntime, config: ReportingConfig) -> None:
        self._runtime = runtime
        self._config = config
        self.emitted_total = 0

    async def run_once(self) -> tuple[int, int]:
        """One round: (desks handled, MunicipalityStats emitted).

        The figures are computed in a read-only transaction, then emitted in a short write
        transaction; a desk marked again meanwhile keeps its mark for the next round.
        """
        async with self._runtime.db.session(readonly=True) as session:
            row = await session.get(ProjectionStatus, STATUS)
            latest = await horizon(session)
            if (row is not None and row.state == "rebuilding") or latest is None:
                return 0, 0
            if row is None or row.horizon_month != month_key(latest):
                return await self._new_month(month_key(latest))
            marked = list((await session.execute(
                select(DIRTY.c.desk_id, DIRTY.c.marks).order_by(DIRTY.c.desk_id).limit(DESKS_PER_ROUND)
            )).all())
            computed: dict[str, list[MonthStats]] = {}
            for desk_id, _ in marked:
                for nis_code in await home_municipalities(session, desk_id):
                    if nis_code not in computed:
                        facts = await facts_for_municipality(session, nis_code)
                        computed[nis_code] = municipality_months(nis_code, facts, latest)
        emitted = await self._emit(computed, marked)
        self.emitted_total += emitted
        return len(marked), emitted

    async def _new_month(self, month: str) -> tuple[int, int]:
        """The latest fact entered a new month: every municipality gets that month."""
        async with self._runtime.uow() as uow:
            row = await status(uow.session)
            row.horizon_month = month
            uow.session.add(row)
            await mark_all_desks_dirty(uow.session)
        return 1, 0

    async def _emit(self, computed: dict[str, list[MonthStats]], marked: list[Any]) -> int:
        threshold = self._config.suppression_threshold
        emitted: list[dict[str, str]] = []
        async with self._runtime.uow() as uow:
            if (await status(uow.session)).state == "rebuilding":
                return 0
            known = await _digests(uow.session, sorted(computed))
            for stats in (item for months in computed.values() for item in months):
                fingerprint = digest(stats, threshold)
                if known.get((stats.nis_code, stats.month)) == fingerprint:
                    continue
                await uow.emit(MunicipalityStats(
                    nis_code=stats.nis_code, month=stats.month, suppression_threshold=threshold,
                    computed_at=stats.computed_at, **stats.suppressed(threshold),
                ), occurred_at=stats.computed_at)
                emitted.append({"nis_code": stats.nis_code, "month": stats.month, "digest": fingerprint})
            await _remember(uow.session, emitted)
            for desk_id, marks in marked:
                await uow.session.execute(delete(DIRTY).where(and_(DIRTY.c.desk_id == desk_id,
                                                                   DIRTY.c.marks == marks)))
        return len(emitted)

    async def run(self) -> None:
        """Forever: a round every few seconds, more at once while there is work."""
        while True:
            try:
                handled, _ = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database may be restarting: try again later
                log.warning("hub stats round failed", error=repr(exc))
                handled = 0
            if not handled:
                await asyncio.sleep(self._config.stats_interval_seconds)


async def _digests(session: AsyncSession, nis_codes: list[str]) -> dict[tuple[str, str], str]:
    """What was emitted last for every month of these municipalities: one query a round, not one a month."""
    if not nis_codes:
        return {}
    rows = await session.execute(select(PUBLISHED.c.nis_code, PUBLISHED.c.month, PUBLISHED.c.digest)
                                 .where(PUBLISHED.c.nis_code.in_(nis_codes)))
    return {(nis, month): value for nis, month, value in rows.all()}


async def _remember(session: AsyncSession, rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    statement = conflict_insert(dialect_of(session), PUBLISHED)
    await session.execute(statement.on_conflict_do_update(index_elements=["nis_code", "month"],
                                                          set_={"digest": statement.excluded.digest}), rows)


async def start_publisher(publisher: StatsPublisher) -> asyncio.Task[None]:
    return asyncio.create_task(publisher.run(), name="reporting-hub-stats")


async def stop_publisher(task: asyncio.Task[None] | None) -> None:
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
