"""Merging a duplicate into the family's open request, and undoing it (desk only).

A duplicate found at registration never reaches the bus as a request of its own: it is announced
as RequestMerged. Undoing restores it: RequestMergeUndone, and RequestRegistered when it had never
been registered, so it counts as a unique request from then on.
"""

from __future__ import annotations

from datetime import datetime

from contracts.events.intake import RequestMerged, RequestMergeUndone, RequestRegistered
from services.intake.adapters.tables import CareRequest
from services.intake.handlers.common import Actor, load_request, record_change, snapshot_of
from services.runtime.errors import AppError
from services.runtime.uow import UnitOfWork


async def merge_into(uow: UnitOfWork, duplicate: CareRequest, survivor_id: str, actor: Actor,
                     now: datetime) -> None:
    survivor = await load_request(uow, survivor_id)
    duplicate.status = "merged"
    duplicate.merged_into = survivor_id
    duplicate.merged_at = now
    duplicate.closed_at = now
    duplicate.updated_at = now
    uow.session.add(duplicate)
    await record_change(uow, duplicate, actor, "merged_into", now, ("merged_into",))
    await record_change(uow, survivor, actor, "duplicate_merged", now)
    await uow.emit(RequestMerged(request_id=survivor_id, merged_request_id=duplicate.request_id,
                                 desk_id=survivor.desk_id, merged_at=now), occurred_at=now)


async def merge_requests(uow: UnitOfWork, survivor_id: str, duplicate_id: str, actor: Actor,
                         now: datetime) -> None:
    """The desk merges two open requests of its own it recognises as the same child."""
    survivor = await load_request(uow, survivor_id)
    duplicate = await load_request(uow, duplicate_id)
    if survivor_id == duplicate_id or survivor.desk_id != duplicate.desk_id:
        raise AppError("merge_not_possible", 422, field="duplicate_id")
    if survivor.status != "open" or duplicate.status != "open":
        raise AppError("merge_not_possible", 409, field="duplicate_id")
    await merge_into(uow, duplicate, survivor_id, actor, now)


async def undo_merge(uow: UnitOfWork, duplicate: CareRequest, actor: Actor, now: datetime) -> None:
    if duplicate.status != "merged" or duplicate.merged_into is None:
        raise AppError("not_merged", 409)
    if duplicate.erased_at is not None:
        raise AppError("already_erased", 409)
    survivor_id = duplicate.merged_into
    survivor = await uow.session.get(CareRequest, survivor_id)
    duplicate.status = "open"
    duplicate.merged_into = None
    duplicate.closed_at = None
    duplicate.updated_at = now
    await uow.emit(RequestMergeUndone(request_id=survivor_id, restored_request_id=duplicate.request_id,
                                      desk_id=duplicate.desk_id, undone_at=now), occurred_at=now)
    if not duplicate.on_bus:
        duplicate.on_bus = True
        await uow.emit(RequestRegistered(request=snapshot_of(duplicate)), occurred_at=now)
    uow.session.add(duplicate)
    await record_change(uow, duplicate, actor, "merge_undone", now, ("merged_into",))
    if survivor is not None:
        await record_change(uow, survivor, actor, "duplicate_restored", now)
