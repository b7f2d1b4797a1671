"""Family deadlines that came due: remind the family, and put an unanswered proposal on the worklist.

Same once-only pattern as the provider deadlines: a conditional UPDATE decides who plans it.
The worklist line shares its key with the one a ProposalExpired event opens, so it appears once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select

from services.notifications.adapters.deadline_tables import ProposalDeadline
from services.notifications.domain import keys
from services.notifications.planning import open_escalation, plan_family_message
from services.runtime.uow import UnitOfWork

BATCH = 200


async def remind_families(uow: UnitOfWork, now: datetime) -> int:
    session = uow.session
    due = (await session.exec(select(ProposalDeadline).where(
        ProposalDeadline.status == "waiting", col(ProposalDeadline.reminded_at).is_(None),
        col(ProposalDeadline.reminder_at) <= now,
    ).order_by(col(ProposalDeadline.reminder_at)).limit(BATCH))).all()
    planned = 0
    for proposal in due:
        result = await session.exec(update(ProposalDeadline).where(  # type: ignore[call-overload]
            col(ProposalDeadline.proposal_id) == proposal.proposal_id, col(ProposalDeadline.reminded_at).is_(None),
        ).values(reminded_at=proposal.reminder_at))
        if not result.rowcount:
            continue
        details = {"proposal_id": proposal.proposal_id, "location_id": proposal.location_id,
                   "start_date": proposal.start_date, "answer_due": proposal.answer_due}
        planned += int(await plan_family_message(
            session, desk_id=proposal.desk_id, request_id=proposal.request_id, kind="proposal_reminder",
            ref=proposal.proposal_id, details=details, source_time=proposal.reminder_at or now, now=now,
            proposal_id=proposal.proposal_id, location_id=proposal.location_id,
        ))
    return planned


async def escalate_unanswered(uow: UnitOfWork, now: datetime) -> int:
    session = uow.session
    due = (await session.exec(select(ProposalDeadline).where(
        ProposalDeadline.status == "waiting", col(ProposalDeadline.escalated_at).is_(None),
        col(ProposalDeadline.escalate_at) <= now,
    ).order_by(col(ProposalDeadline.escalate_at)).limit(BATCH))).all()
    opened = 0
    for proposal in due:
        result = await session.exec(update(ProposalDeadline).where(  # type: ignore[call-overload]
            col(ProposalDeadline.proposal_id) == proposal.proposal_id, col(ProposalDeadline.escalated_at).is_(None),
        ).values(escalated_at=proposal.escalate_at))
        if not result.rowcount:
            continue
        opened += int(await open_escalation(
            session, key=keys.escalation_key("family_no_answer", proposal.proposal_id), desk_id=proposal.desk_id,
            request_id=proposal.request_id, kind="family_no_answer", detected_at=proposal.escalate_at,
            location_id=proposal.location_id, proposal_id=proposal.proposal_id, due_date=proposal.answer_due,
        ))
    return opened
