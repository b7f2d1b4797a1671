"""Proposals and allocations: tell the family, start and stop the family's answer clock.

The family's answer date comes from matching (``answer_due``); reminders follow the desk's policy.
An expired proposal goes on the desk's worklist: the desk follows every request to its end.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import update
from sqlmodel import col

from contracts.envelope import Envelope
from services.notifications.adapters.deadline_tables import ProposalDeadline, ResponseDeadline
from services.notifications.adapters.request_tables import TrackedRequest
from services.notifications.adapters.store import policy_at
from services.notifications.domain import keys
from services.notifications.domain.deadlines import answer_schedule, local_day
from services.notifications.handlers.distribution import record_answer
from services.notifications.handlers.requests import close_request, tracked
from services.notifications.planning import open_escalation, plan_family_message
from services.runtime.uow import UnitOfWork


def _later_by_a_month(start: date, wanted: date | None) -> bool:
    if wanted is None:
        return False
    month, year = wanted.month % 12 + 1, wanted.year + (wanted.month // 12)
    day = min(wanted.day, 28)
    return start >= date(year, month, day)


def _proposal_details(data: Any, request: TrackedRequest) -> dict[str, Any]:
    weekdays = [d.weekday.value for d in data.care_pattern.days]
    asked = request.weekdays.split()
    return {
        "proposal_id": data.proposal_id, "location_id": data.location_id, "start_date": data.start_date,
        "answer_due": data.answer_due, "weekdays": weekdays,
        "later_start": _later_by_a_month(data.start_date, request.wanted_start_date),
        "fewer_days": bool(asked) and len(set(weekdays)) < len(asked),
    }


async def on_proposal_made(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    session = uow.session
    request = await tracked(session, data.request_id, data.desk_id)
    await record_answer(uow, data.request_id, data.location_id, "proposal", data.proposed_at)
    if await session.get(ProposalDeadline, data.proposal_id) is not None:
        return
    policy = await policy_at(session, data.desk_id, local_day(data.proposed_at))
    schedule = answer_schedule(data.proposed_at, data.answer_due, policy)
    session.add(ProposalDeadline(
        proposal_id=data.proposal_id, request_id=data.request_id, desk_id=data.desk_id,
        location_id=data.location_id, provider_id=data.provider_id, proposed_at=data.proposed_at,
        start_date=data.start_date, answer_due=data.answer_due, reminder_at=schedule.reminder_at,
        escalate_at=schedule.escalate_at,
    ))
    await plan_family_message(
        session, desk_id=data.desk_id, request_id=data.request_id, kind="proposal_made", ref=data.proposal_id,
        details=_proposal_details(data, request), source_time=data.proposed_at, now=uow._clock.now(),  # noqa: SLF001
        proposal_id=data.proposal_id, location_id=data.location_id,
    )


async def _close_proposal(uow: UnitOfWork, proposal_id: str, status: str, at: Any) -> ProposalDeadline | None:
    deadline = await uow.session.get(ProposalDeadline, proposal_id)
    if deadline is not None and deadline.status == "waiting":
        deadline.status, deadline.closed_at = status, at
    return deadline


async def on_proposal_declined(uow: UnitOfWork, event: Envelope[Any]) -> None:
    await _close_proposal(uow, event.data.proposal_id, "declined", event.data.declined_at)


async def on_proposal_withdrawn(uow: UnitOfWork, event: Envelope[Any]) -> None:
    await _close_proposal(uow, event.data.proposal_id, "withdrawn", event.data.withdrawn_at)


async def on_proposal_expired(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    deadline = await _close_proposal(uow, data.proposal_id, "expired", data.expired_at)
    details = {"proposal_id": data.proposal_id, "location_id": data.location_id,
               "start_date": deadline.start_date if deadline else None,
               "answer_due": deadline.answer_due if deadline else None}
    await plan_family_message(
        uow.session, desk_id=data.desk_id, request_id=data.request_id, kind="proposal_expired",
        ref=data.proposal_id, details=details, source_time=data.expired_at, now=uow._clock.now(),  # noqa: SLF001
        proposal_id=data.proposal_id, location_id=data.location_id,
    )
    await open_escalation(
        uow.session, key=keys.escalation_key("family_no_answer", data.proposal_id), desk_id=data.desk_id,
        request_id=data.request_id, kind="family_no_answer", detected_at=data.expired_at,
        location_id=data.location_id, proposal_id=data.proposal_id,
        due_date=deadline.answer_due if deadline else None,
    )


async def on_place_allocated(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    await _close_proposal(uow, data.proposal_id, "accepted", data.allocated_at)
    details = {
        "proposal_id": data.proposal_id, "location_id": data.location_id, "start_date": data.start_date,
        "weekdays": [d.weekday.value for d in data.care_pattern.days],
        "later_start": _later_by_a_month(data.start_date, data.original_wanted_start_date),
        "fewer_days": data.allocated_days_per_week < data.requested_days_per_week,
    }
    await plan_family_message(
        uow.session, desk_id=data.desk_id, request_id=data.request_id, kind="place_allocated",
        ref=data.allocation_id, details=details, source_time=data.allocated_at, now=uow._clock.now(),  # noqa: SLF001
        proposal_id=data.proposal_id, location_id=data.location_id,
    )
    if not data.stays_listed_for_higher_preference:
        await close_request(uow.session, data.request_id, data.desk_id, "allocated", data.allocated_at)


async def on_request_reopened(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    request = await tracked(uow.session, data.request_id, data.desk_id)
    request.status, request.closed_at, request.urgent = "open", None, data.urgent or request.urgent
    # the next distribution round asks these locations again, whatever its round number
    await uow.session.exec(update(ResponseDeadline).where(  # type: ignore[call-overload]
        col(ResponseDeadline.request_id) == data.request_id, col(ResponseDeadline.status) == "closed",
    ).values(distribution_round=0))
