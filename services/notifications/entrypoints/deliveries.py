"""The delivery log (proof that everyone was told) and providers' response times.

A desk worker sees the messages of its own desks; a provider sees only messages to itself; the
platform (service accounts, operators) sees everything. CSV for the desk's file to Opgroeien.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlmodel import col, select

from services.notifications.adapters.deadline_tables import ResponseDeadline
from services.notifications.adapters.delivery_tables import Delivery, DeliveryAttempt
from services.notifications.domain.deadlines import local_moment
from services.notifications.domain.stats import DeadlineFact, response_stats
from services.notifications.entrypoints.deps import EVERYTHING, Runtime
from services.notifications.entrypoints.schemas import AttemptOut, DeliveryOut
from services.runtime.auth import CurrentPrincipal, Principal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["delivery log"])
CSV_FIELDS = ["delivery_id", "audience", "provider_id", "desk_id", "request_id", "location_ids", "kind", "channel",
              "status", "digest", "attempts", "source_time", "first_attempt_at", "delivered_at", "last_result"]


def scope(principal: Principal, query: Any, model: Any, provider_id: str | None) -> Any:
    """Filter *query* to what *principal* may see; refuse roles that see no delivery log."""
    if principal.role is Role.PROVIDER:
        if provider_id and provider_id != principal.provider_id:
            raise AppError("forbidden", 403)
        return query.where(model.provider_id == principal.provider_id)
    if principal.role is Role.DESK:
        return query.where(col(model.desk_id).in_(principal.desk_ids))
    if principal.role in EVERYTHING:
        return query
    raise AppError("forbidden", 403)


def to_out(row: Delivery, attempts: list[DeliveryAttempt] | None = None) -> DeliveryOut:
    return DeliveryOut(
        delivery_id=row.delivery_id, audience=row.audience, provider_id=row.provider_id, desk_id=row.desk_id,
        request_id=row.request_id, location_ids=row.location_ids.split(), proposal_id=row.proposal_id,
        kind=row.kind, channel=row.channel, status=row.status, digest=bool(row.batch_key), attempts=row.attempts,
        source_time=row.source_time, planned_for=row.next_attempt_at, first_attempt_at=row.first_attempt_at,
        delivered_at=row.delivered_at, last_result=row.last_result, feed_seq=row.feed_seq,
        attempt_log=[AttemptOut(attempt=a.attempt, at=a.at, outcome=a.outcome, detail=a.detail)
                     for a in attempts or []],
    )


def as_csv(items: list[DeliveryOut]) -> Response:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        row = item.model_dump(mode="json")
        row["location_ids"] = " ".join(item.location_ids)
        writer.writerow(row)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="leveringen.csv"'})


@router.get("/deliveries", response_model=list[DeliveryOut], summary="Delivery log per request and/or provider")
async def deliveries(
    runtime: Runtime, principal: CurrentPrincipal, request_id: str | None = None, provider_id: str | None = None,
    desk_id: str | None = None, status: str | None = None, since: date | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500, format: Literal["json", "csv"] = "json",
) -> Any:
    query = scope(principal, select(Delivery), Delivery, provider_id)
    for column, value in ((Delivery.request_id, request_id), (Delivery.provider_id, provider_id),
                          (Delivery.desk_id, desk_id), (Delivery.status, status)):
        if value:
            query = query.where(column == value)
    if since:
        query = query.where(col(Delivery.source_time) >= local_moment(since, time(0)))
    if principal.role is Role.PROVIDER:
        query = query.where(Delivery.audience == "provider")
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(query.order_by(col(Delivery.source_time).desc(), col(Delivery.delivery_id))
                                   .limit(limit))).all()
        attempts = (await session.exec(select(DeliveryAttempt).where(
            col(DeliveryAttempt.delivery_id).in_([r.delivery_id for r in rows])
        ).order_by(col(DeliveryAttempt.attempt_id)))).all() if request_id else []
        await session.commit()
    by_delivery: dict[str, list[DeliveryAttempt]] = {}
    for attempt in attempts:
        by_delivery.setdefault(attempt.delivery_id, []).append(attempt)
    items = [to_out(row, by_delivery.get(row.delivery_id)) for row in rows]
    return as_csv(items) if format == "csv" else items


@router.get("/response-times", summary="Provider response times against the agreed period (working days)")
async def response_times(
    runtime: Runtime, principal: CurrentPrincipal, desk_id: str | None = None, provider_id: str | None = None,
    since: date | None = None, until: date | None = None,
) -> dict[str, Any]:
    query = scope(principal, select(ResponseDeadline), ResponseDeadline, provider_id)
    if desk_id:
        query = query.where(ResponseDeadline.desk_id == desk_id)
    if provider_id:
        query = query.where(ResponseDeadline.provider_id == provider_id)
    if since:
        query = query.where(col(ResponseDeadline.due_date) >= since)
    if until:
        query = query.where(col(ResponseDeadline.due_date) <= until)
    async with runtime.db.session(readonly=True) as session:
        rows = (await session.exec(query)).all()
        await session.commit()
    facts = [DeadlineFact(r.provider_id, r.distributed_at, r.due_date, r.response_days, r.answered_at, r.status,
                          r.count_flemish_holiday) for r in rows]
    return {"providers": json.loads(json.dumps(response_stats(facts), default=str))}
