"""Intake's facts about requests: what a provider may be told (dates, days, municipality) and closure.

A withdrawn or merged request stops every clock: waiting deadlines close and messages that were
not sent yet (a digest planned for tomorrow morning) are cancelled, so nobody chases a family that
no longer needs care.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts.envelope import Envelope
from contracts.events.intake import RequestSnapshot
from services.notifications.adapters.deadline_tables import ProposalDeadline, ResponseDeadline
from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.adapters.request_tables import TrackedRequest
from services.runtime.uow import UnitOfWork


async def tracked(session: AsyncSession, request_id: str, desk_id: str) -> TrackedRequest:
    """The tracked request, created as a placeholder when matching's event comes first."""
    found = await session.get(TrackedRequest, request_id)
    if found is None:
        found = TrackedRequest(request_id=request_id, desk_id=desk_id)
        session.add(found)
    return found


def _apply_snapshot(row: TrackedRequest, snapshot: RequestSnapshot) -> None:
    row.desk_id = snapshot.desk_id
    row.registered_at = snapshot.registered_at
    row.wanted_start_date = snapshot.wanted_start_date
    row.weekdays = " ".join(sorted((d.weekday.value for d in snapshot.care_pattern.days), key=_weekday_order))
    row.home_nis = snapshot.home_nis
    row.urgent = snapshot.categories.urgent


def _weekday_order(day: str) -> int:
    return ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(day)


async def on_request_registered(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.request
    _apply_snapshot(await tracked(uow.session, snapshot.request_id, snapshot.desk_id), snapshot)


async def on_request_updated(uow: UnitOfWork, event: Envelope[Any]) -> None:
    snapshot = event.data.request
    _apply_snapshot(await tracked(uow.session, snapshot.request_id, snapshot.desk_id), snapshot)


async def close_request(session: AsyncSession, request_id: str, desk_id: str, status: str, at: datetime) -> None:
    """Stop the clocks of a request that no longer needs answers, and cancel unsent messages."""
    row = await tracked(session, request_id, desk_id)
    row.status = status
    row.closed_at = at
    await session.exec(update(ResponseDeadline).where(
        col(ResponseDeadline.request_id) == request_id, col(ResponseDeadline.status) == "waiting",
    ).values(status="closed"))
    await session.exec(update(ProposalDeadline).where(
        col(ProposalDeadline.request_id) == request_id, col(ProposalDeadline.status) == "waiting",
    ).values(status="closed", closed_at=at))
    await session.exec(update(Delivery).where(
        col(Delivery.request_id) == request_id, col(Delivery.audience) == "provider",
        col(Delivery.status) == "pending",
    ).values(status="cancelled", last_result=f"request {status}"))


async def on_request_withdrawn(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    await close_request(uow.session, data.request_id, data.desk_id, "withdrawn", data.withdrawn_at)


async def on_request_merged(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    await close_request(uow.session, data.merged_request_id, data.desk_id, "merged", data.merged_at)


async def on_merge_undone(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    row = await tracked(uow.session, data.restored_request_id, data.desk_id)
    row.status, row.closed_at = "open", None
