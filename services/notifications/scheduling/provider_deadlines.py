"""Provider deadlines that came due: send the reminder, then declare the answer overdue.

Each step is a conditional UPDATE (``reminded_at IS NULL``, ``status = 'waiting'``) in the same
transaction as what it causes, so with any number of replicas and restarts a reminder is planned
once and a ResponseOverdue emitted once. Event times are the scheduled moments, not the clock.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select

from contracts.events.notifications import ResponseOverdue
from services.notifications.adapters.deadline_tables import ResponseDeadline
from services.notifications.adapters.request_tables import TrackedRequest
from services.notifications.domain import keys
from services.notifications.planning import open_escalation, plan_provider_message
from services.runtime.uow import UnitOfWork

BATCH = 200


def _pk(deadline: ResponseDeadline):  # type: ignore[no-untyped-def]
    return (col(ResponseDeadline.request_id) == deadline.request_id,
            col(ResponseDeadline.location_id) == deadline.location_id)


async def send_reminders(uow: UnitOfWork, now: datetime) -> int:
    session = uow.session
    due = (await session.exec(select(ResponseDeadline).where(
        ResponseDeadline.status == "waiting", col(ResponseDeadline.reminded_at).is_(None),
        col(ResponseDeadline.reminder_at) <= now,
    ).order_by(col(ResponseDeadline.reminder_at)).limit(BATCH))).all()
    groups: dict[tuple[str, str, int], list[ResponseDeadline]] = defaultdict(list)
    for deadline in due:
        groups[(deadline.request_id, deadline.provider_id, deadline.distribution_round)].append(deadline)
    planned = 0
    for (request_id, provider_id, round_no), deadlines in groups.items():
        won = []
        for deadline in deadlines:
            result = await session.exec(update(ResponseDeadline).where(  # type: ignore[call-overload]
                *_pk(deadline), col(ResponseDeadline.reminded_at).is_(None),
            ).values(reminded_at=deadline.reminder_at))
            if result.rowcount:
                won.append(deadline)
        if not won:
            continue
        request = await session.get(TrackedRequest, request_id)
        first = won[0]
        details = {"request_id": request_id, "due_date": first.due_date,
                   "wanted_start_date": request.wanted_start_date if request else None,
                   "weekdays": request.weekdays.split() if request else [],
                   "location_ids": sorted(d.location_id for d in won)}
        planned += await plan_provider_message(
            session, provider_id=provider_id, desk_id=first.desk_id, request_id=request_id,
            location_ids=[d.location_id for d in won], kind="reminder", ref=f"round{round_no}", details=details,
            source_time=max(d.reminder_at or now for d in won), now=now, desk_mode="immediate",
        )
    return planned


async def declare_overdue(uow: UnitOfWork, now: datetime) -> int:
    session = uow.session
    due = (await session.exec(select(ResponseDeadline).where(
        ResponseDeadline.status == "waiting", col(ResponseDeadline.overdue_at) <= now,
    ).order_by(col(ResponseDeadline.overdue_at)).limit(BATCH))).all()
    declared = 0
    for deadline in due:
        result = await session.exec(update(ResponseDeadline).where(  # type: ignore[call-overload]
            *_pk(deadline), col(ResponseDeadline.status) == "waiting",
        ).values(status="overdue"))
        if not result.rowcount:
            continue
        await uow.emit(ResponseOverdue(
            request_id=deadline.request_id, desk_id=deadline.desk_id, provider_id=deadline.provider_id,
            location_id=deadline.location_id, due_date=deadline.due_date, detected_at=deadline.overdue_at,
        ), occurred_at=deadline.overdue_at)
        await open_escalation(
            session, key=keys.escalation_key("provider_overdue", deadline.request_id, deadline.location_id,
                                             str(deadline.distribution_round)),
            desk_id=deadline.desk_id, request_id=deadline.request_id, kind="provider_overdue",
            detected_at=deadline.overdue_at, provider_id=deadline.provider_id, location_id=deadline.location_id,
            due_date=deadline.due_date,
        )
        declared += 1
    return declared
