"""Keeping up with what intake and offer publish, and acting on it.

Order-tolerant: a request may arrive before its desk's policy (it waits, and is distributed when
the policy comes), a withdrawal before the registration (a tombstone keeps it closed), an older
snapshot after a newer one (ignored). Every time stamp comes from the event, never the clock.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import select

from contracts.envelope import Envelope
from services.matching.adapters import repository
from services.matching.adapters.tables import DeskPolicyView, LocationView, OpenRequestView
from services.matching.handlers.closing import close_location, close_request
from services.matching.handlers.distribution import distribute, offer_new_location, relevant_change
from services.runtime.uow import UnitOfWork

TOMBSTONE_TIME = datetime(1970, 1, 1, tzinfo=UTC)


async def on_policy(uow: UnitOfWork, event: Envelope[Any]) -> None:
    policy = event.data
    row = await uow.session.get(DeskPolicyView, (policy.desk_id, policy.version))
    row = row or DeskPolicyView(desk_id=policy.desk_id, version=policy.version, valid_from=policy.valid_from, body="")
    row.valid_from, row.body = policy.valid_from, policy.model_dump_json()
    uow.session.add(row)
    await uow.session.flush()
    waiting = (await uow.session.exec(select(OpenRequestView).where(
        OpenRequestView.desk_id == policy.desk_id, OpenRequestView.status == "open",
        OpenRequestView.distribution_round == 0).order_by(OpenRequestView.request_id))).all()
    for view in waiting:
        snapshot = repository.snapshot_of(view)
        if snapshot is not None:
            await distribute(uow, view, snapshot, trigger="policy_known", at=event.time, cause=event)


async def on_request_snapshot(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.request
    view = await uow.session.get(OpenRequestView, snapshot.request_id)
    if view is None:
        view = OpenRequestView(request_id=snapshot.request_id, desk_id=snapshot.desk_id, snapshot="",
                               updated_at=event.time)
    elif view.updated_at > event.time:
        return  # an older snapshot arriving late changes nothing
    old = repository.snapshot_of(view)
    view.snapshot, view.updated_at, view.desk_id = snapshot.model_dump_json(), event.time, snapshot.desk_id
    uow.session.add(view)
    if view.status == "open" and (view.distribution_round == 0 or relevant_change(old, snapshot)):
        trigger = "registered" if old is None else "updated"
        with uow.session.no_autoflush:  # only the view is pending: one INSERT at commit, not INSERT then UPDATE
            await distribute(uow, view, snapshot, trigger=trigger, at=event.time, cause=event)


async def _closing(uow: UnitOfWork, request_id: str, desk_id: str, status: str, event: Envelope[Any]) -> None:
    view = await uow.session.get(OpenRequestView, request_id)
    if view is None:  # the closing event overtook the registration: remember it
        uow.session.add(OpenRequestView(request_id=request_id, desk_id=desk_id, status=status, snapshot="",
                                        updated_at=TOMBSTONE_TIME))
        return
    await close_request(uow, view, status, at=event.time, cause=event)


async def on_request_withdrawn(uow: UnitOfWork, event: Envelope[Any]) -> None:
    await _closing(uow, event.data.request_id, event.data.desk_id, "withdrawn", event)


async def on_request_merged(uow: UnitOfWork, event: Envelope[Any]) -> None:
    await _closing(uow, event.data.merged_request_id, event.data.desk_id, "merged", event)


async def on_merge_undone(uow: UnitOfWork, event: Envelope[Any]) -> None:
    view = await uow.session.get(OpenRequestView, event.data.restored_request_id)
    if view is None or view.status != "merged":
        return
    view.status = "open"
    snapshot = repository.snapshot_of(view)
    if snapshot is not None:
        await distribute(uow, view, snapshot, trigger="merge_undone", at=event.time, cause=event)


async def on_location_snapshot(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.location
    view = await uow.session.get(LocationView, snapshot.location_id)
    if view is not None and view.updated_at > event.time:
        return
    before = repository.facts_of(uow.session, view) if view is not None and view.snapshot else None
    view = view or LocationView(location_id=snapshot.location_id, provider_id=snapshot.provider_id,
                                nis_code=snapshot.nis_code, snapshot="", updated_at=event.time)
    view.snapshot, view.status, view.updated_at = snapshot.model_dump_json(), snapshot.status, event.time
    view.provider_id, view.nis_code = snapshot.provider_id, snapshot.nis_code
    uow.session.add(view)
    await uow.session.flush()
    if before != repository.facts_of(uow.session, view):
        await offer_new_location(uow, view, at=event.time, cause=event)


async def on_location_closed(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    view = await uow.session.get(LocationView, data.location_id)
    if view is None:
        uow.session.add(LocationView(location_id=data.location_id, provider_id=data.provider_id,
                                     nis_code=data.nis_code, status="closed", snapshot="", updated_at=event.time,
                                     closed_on=data.closed_on))
        return
    if view.status == "closed":
        return
    view.status, view.closed_on, view.updated_at = "closed", data.closed_on, max(view.updated_at, event.time)
    uow.session.add(view)
    await close_location(uow, data.location_id, data.closed_on, at=event.time, cause=event)
