"""Siblings: requests of one family linked to each other, optionally to be placed together.

"Place them together" is a hard constraint for matching once the family asks for it; linked
requests share one pseudonymous ``family_ref``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import col, select

from contracts.events.intake import RequestUpdated
from services.intake.adapters.tables import CareRequest
from services.intake.handlers.common import Actor, record_change, snapshot_of, store_snapshot
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def link_siblings(uow: UnitOfWork, request_ids: Iterable[str], together: bool, actor: Actor,
                        now: datetime, *, skip: set[str] | None = None) -> None:
    """Make every request in *request_ids* a sibling of the others; RequestUpdated for each that changed."""
    wanted = set(request_ids)
    rows = (await uow.session.exec(select(CareRequest).where(col(CareRequest.request_id).in_(wanted))
                                   .order_by(col(CareRequest.registered_at)))).all()
    if not rows:
        return
    family_ref = rows[0].family_ref
    for row in rows:
        if skip and row.request_id in skip:
            continue
        before = snapshot_of(row)
        siblings = tuple(sorted((set(before.sibling_request_ids) | wanted) - {row.request_id}))
        after = before.model_copy(update={
            "sibling_request_ids": siblings, "family_ref": family_ref,
            "place_siblings_together": before.place_siblings_together or together,
        })
        if after == before:
            continue
        changed = tuple(name for name in ("sibling_request_ids", "family_ref", "place_siblings_together")
                        if getattr(after, name) != getattr(before, name))
        row.family_ref = family_ref
        store_snapshot(row, after, now)
        uow.session.add(row)
        await record_change(uow, row, actor, "siblings", now, changed)
        if row.on_bus and row.status not in ("merged",):
            await uow.emit(RequestUpdated(request=after, changed=changed), occurred_at=now)


async def link_pair(uow: UnitOfWork, first: CareRequest, second: CareRequest, together: bool, actor: Actor,
                    now: datetime) -> None:
    if first.request_id == second.request_id or first.desk_id != second.desk_id:
        raise AppError("sibling_unknown", 422, field="sibling_id")
    if "merged" in (first.status, second.status):
        raise AppError("request_closed", 409, state="merged")
    group = {first.request_id, second.request_id}
    group |= set(snapshot_of(first).sibling_request_ids) | set(snapshot_of(second).sibling_request_ids)
    await link_siblings(uow, group, together, actor, now)
