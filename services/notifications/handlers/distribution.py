"""Matching distributed a request: start each location's response clock and tell each provider.

Every recipient of one distribution gets the same distribution time (neutrality: all hear at the
same moment; a digest-mode provider chose to read it at its digest hour). A later round (the request
changed or became urgent) asks again: the clock restarts for the locations of that round.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts import municipalities
from contracts.envelope import Envelope
from services.notifications.adapters.deadline_tables import Escalation, ResponseDeadline
from services.notifications.adapters.request_tables import TrackedRequest
from services.notifications.adapters.store import insert_rows, policy_at
from services.notifications.domain.deadlines import DeadlinePolicy, ResponseSchedule, local_day, response_schedule
from services.notifications.handlers.requests import tracked
from services.notifications.planning import plan_provider_message
from services.runtime.uow import UnitOfWork


def request_details(row: TrackedRequest, schedule: ResponseSchedule, urgent: bool) -> dict[str, Any]:
    """What a provider may read about the request: no names, no contact details."""
    place = municipalities.get(row.home_nis) if row.home_nis else None
    return {
        "request_id": row.request_id, "wanted_start_date": row.wanted_start_date,
        "weekdays": row.weekdays.split(), "municipality": place.name_nl if place else "",
        "due_date": schedule.due_date, "urgent": urgent or row.urgent,
    }


def _deadline(data: Any, location_id: str, provider_id: str, policy: DeadlinePolicy,
              schedule: ResponseSchedule) -> dict[str, Any]:
    return dict(
        request_id=data.request_id, location_id=location_id, provider_id=provider_id, desk_id=data.desk_id,
        distribution_round=data.distribution_round, distributed_at=data.distributed_at,
        policy_version=policy.version, response_days=policy.provider_response_days,
        count_flemish_holiday=policy.count_flemish_holiday, due_date=schedule.due_date,
        reminder_at=schedule.reminder_at, overdue_at=schedule.overdue_at,
    )


async def _deadlines_of(session: AsyncSession, request_id: str, location_ids: list[str]) -> dict[str, ResponseDeadline]:
    """The request's deadlines at these locations, in one query instead of one per location."""
    found = await session.exec(select(ResponseDeadline).where(
        col(ResponseDeadline.request_id) == request_id, col(ResponseDeadline.location_id).in_(location_ids)))
    return {row.location_id: row for row in found.all()}


async def on_request_distributed(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    session = uow.session
    request = await tracked(session, data.request_id, data.desk_id)
    if request.status != "open":
        return
    policy = await policy_at(session, data.desk_id, local_day(data.distributed_at))
    schedule = response_schedule(data.distributed_at, policy)
    by_provider: dict[str, list[str]] = defaultdict(list)
    earlier = await _deadlines_of(session, data.request_id, [r.location_id for r in data.recipients])
    fresh: dict[str, dict[str, Any]] = {}
    for recipient in data.recipients:
        existing = earlier.get(recipient.location_id)
        if recipient.location_id in fresh or (
                existing is not None and existing.distribution_round >= data.distribution_round):
            continue
        if existing is not None:
            await session.delete(existing)
        fresh[recipient.location_id] = _deadline(data, recipient.location_id, recipient.provider_id, policy, schedule)
        by_provider[recipient.provider_id].append(recipient.location_id)
    if fresh:
        await session.flush()  # an earlier round's deadlines go before this round's take their keys
        await insert_rows(session, ResponseDeadline, list(fresh.values()))
    details = request_details(request, schedule, data.mode == "broadcast_urgent")
    for provider_id, location_ids in sorted(by_provider.items()):
        await plan_provider_message(
            session, provider_id=provider_id, desk_id=data.desk_id, request_id=data.request_id,
            location_ids=location_ids, kind="new_request", ref=f"round{data.distribution_round}",
            details={**details, "location_ids": sorted(location_ids)}, source_time=data.distributed_at,
            now=uow._clock.now(), desk_mode=policy.notification_mode,  # noqa: SLF001 - row creation time
        )


async def record_answer(uow: UnitOfWork, request_id: str, location_id: str, answer: str, at: datetime) -> None:
    """The location answered (or proposed): stop its clock and clear its line on the worklist."""
    deadline = await uow.session.get(ResponseDeadline, (request_id, location_id))
    if deadline is None or deadline.answered_at is not None:
        return
    deadline.answered_at, deadline.answer = at, answer
    if deadline.status in ("waiting", "overdue"):
        deadline.status = "answered"
    await uow.session.exec(update(Escalation).where(  # type: ignore[call-overload]
        col(Escalation.request_id) == request_id, col(Escalation.location_id) == location_id,
        col(Escalation.kind) == "provider_overdue", col(Escalation.status) == "open",
    ).values(status="resolved", resolved_at=at, resolved_by="provider answered"))


async def on_provider_responded(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    await record_answer(uow, data.request_id, data.location_id, data.answer, data.responded_at)
