"""Operations view of the scheduler and the delivery log: is anything stuck, failing or late?"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlmodel import col, func, select

from services.notifications.adapters.deadline_tables import Escalation, ResponseDeadline
from services.notifications.adapters.delivery_tables import Delivery
from services.notifications.entrypoints.deps import Runtime

router = APIRouter(tags=["operations"])


@router.get("/ops/notifications", summary="Scheduler ticks, deliveries by status, open escalations (counts only)")
async def ops(request: Request, runtime: Runtime) -> dict[str, Any]:
    now = runtime.clock.now()
    async with runtime.db.session(readonly=True) as session:
        by_status = dict((await session.exec(
            select(Delivery.status, func.count()).group_by(col(Delivery.status)))).all())
        due = (await session.exec(select(func.count()).select_from(Delivery).where(
            col(Delivery.status).in_(("pending", "retrying")), col(Delivery.next_attempt_at) <= now))).one()
        waiting = (await session.exec(select(func.count()).select_from(ResponseDeadline).where(
            ResponseDeadline.status == "waiting"))).one()
        escalations = (await session.exec(select(func.count()).select_from(Escalation).where(
            Escalation.status == "open"))).one()
        await session.commit()
    scheduler = request.app.state.scheduler
    return {"clock": now.isoformat(), "scheduler_ticks": scheduler.ticks,
            "deliveries_handled": scheduler.dispatcher.sent_total, "deliveries_by_status": by_status,
            "deliveries_due_now": int(due), "response_clocks_waiting": int(waiting),
            "escalations_open": int(escalations)}
