"""Desk policies: the response period, reminder moment, 11 July and the default notification mode.

Order-tolerant: a distribution may arrive before the desk's policy (another topic); its deadline is
then computed with the defaults and recomputed here, deterministically from the distribution time,
as soon as a policy version that applies to it is known.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from contracts.envelope import Envelope
from services.notifications.adapters.deadline_tables import ProposalDeadline, ResponseDeadline
from services.notifications.adapters.request_tables import DeskPolicy
from services.notifications.adapters.store import policy_at
from services.notifications.domain.deadlines import answer_schedule, local_day, response_schedule
from services.runtime.uow import UnitOfWork


async def on_desk_policy_changed(uow: UnitOfWork, event: Envelope[Any]) -> None:
    data = event.data
    row = DeskPolicy(
        desk_id=data.desk_id, version=data.version, valid_from=data.valid_from,
        provider_response_days=data.provider_response_days, reminder_before_days=data.reminder_before_days,
        family_answer_days=data.family_answer_days, count_flemish_holiday=data.count_flemish_holiday,
        notification_mode=data.notification_mode,
    )
    if not await _insert(uow, row):
        return
    await recompute_open_deadlines(uow, data.desk_id)


async def _insert(uow: UnitOfWork, row: DeskPolicy) -> bool:
    if await uow.session.get(DeskPolicy, (row.desk_id, row.version)) is not None:
        return False
    uow.session.add(row)
    await uow.session.flush()
    return True


async def recompute_open_deadlines(uow: UnitOfWork, desk_id: str) -> None:
    """Waiting deadlines of the desk follow the policy in force on their own start day."""
    session = uow.session
    waiting = (await session.exec(select(ResponseDeadline).where(
        ResponseDeadline.desk_id == desk_id, ResponseDeadline.status == "waiting"))).all()
    for deadline in waiting:
        policy = await policy_at(session, desk_id, local_day(deadline.distributed_at))
        if policy.version == deadline.policy_version:
            continue
        schedule = response_schedule(deadline.distributed_at, policy)
        deadline.policy_version = policy.version
        deadline.response_days = policy.provider_response_days
        deadline.count_flemish_holiday = policy.count_flemish_holiday
        deadline.due_date = schedule.due_date
        deadline.reminder_at = schedule.reminder_at
        deadline.overdue_at = schedule.overdue_at
    proposals = (await session.exec(select(ProposalDeadline).where(
        ProposalDeadline.desk_id == desk_id, ProposalDeadline.status == "waiting",
        col(ProposalDeadline.reminded_at).is_(None)))).all()
    for proposal in proposals:
        policy = await policy_at(session, desk_id, local_day(proposal.proposed_at))
        proposal.reminder_at = answer_schedule(proposal.proposed_at, proposal.answer_due, policy).reminder_at
