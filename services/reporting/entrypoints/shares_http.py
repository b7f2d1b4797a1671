"""Sharing the yearly report: the desk shares (POST), providers fetch what was shared with them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field, field_validator
from sqlmodel import col, func, select

from services.reporting.adapters.tables import ReportShare, ReportShareRecipient
from services.reporting.domain.calendar import default_cutoff
from services.reporting.entrypoints.common import DESK_ROLES, Runtime, check_desk, refuse_while_rebuilding
from services.reporting.exports.json_export import report_from_document
from services.reporting.reports import export
from services.reporting.sharing import frozen_document, share_yearly_report
from services.runtime.auth import Principal, Role, require_roles
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["report sharing"])


class ShareReport(BaseModel):
    """Command: send the yearly report to every provider of the desk's working area."""

    desk_id: str = Field(min_length=1, max_length=36)
    year: int = Field(ge=2014, le=2100)
    cutoff: date | None = None


class ShareSummary(BaseModel):
    share_id: str
    desk_id: str
    year: int
    cutoff: date
    shared_at: datetime
    recipients: int = 0

    @field_validator("shared_at")
    @classmethod
    def in_utc(cls, value: datetime) -> datetime:
        """SQLite hands back stored UTC times without their zone; the document promises a date-time."""
        return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.post("/reports/yearly/share", status_code=201, response_model=ShareSummary,
             summary="Share the yearly report with every provider of the working area")
async def share(command: ShareReport, runtime: Runtime,
                principal: Principal = require_roles(*DESK_ROLES)) -> ShareSummary:
    check_desk(principal, command.desk_id)
    cutoff = command.cutoff or default_cutoff(command.year)
    if cutoff < date(command.year, 1, 1):
        raise AppError("cutoff_before_year", 422, field="cutoff")
    await refuse_while_rebuilding(runtime)
    async with runtime.uow() as uow:
        shared = await share_yearly_report(uow, desk_id=command.desk_id, year=command.year, cutoff=cutoff,
                                           shared_by=principal.subject)
        now = uow._clock.now()  # noqa: SLF001
    return ShareSummary(share_id=shared.share_id, desk_id=command.desk_id, year=command.year, cutoff=cutoff,
                        shared_at=now, recipients=len(shared.provider_ids))


@router.get("/reports/yearly/shares", response_model=list[ShareSummary], summary="What a desk shared")
async def desk_shares(runtime: Runtime, desk_id: str,
                      principal: Principal = require_roles(*DESK_ROLES)) -> list[ShareSummary]:
    check_desk(principal, desk_id)
    async with runtime.db.session(readonly=True) as session:
        shares = (await session.exec(select(ReportShare).where(ReportShare.desk_id == desk_id)
                                     .order_by(col(ReportShare.shared_at).desc()))).all()
        recipients = (await session.exec(
            select(ReportShareRecipient.share_id, func.count()).where(
                col(ReportShareRecipient.share_id).in_([s.share_id for s in shares]))
            .group_by(col(ReportShareRecipient.share_id))
        )).all()
    counts = dict(recipients)
    return [ShareSummary(**s.model_dump(include={"share_id", "desk_id", "year", "cutoff", "shared_at"}),
                         recipients=counts.get(s.share_id, 0)) for s in shares]


@router.get("/provider/reports", response_model=list[ShareSummary],
            summary="Yearly reports desks shared with this provider")
async def provider_shares(runtime: Runtime,
                          principal: Principal = require_roles(Role.PROVIDER)) -> list[ShareSummary]:
    async with runtime.db.session(readonly=True) as session:
        shares = (await session.exec(
            select(ReportShare)
            .join(ReportShareRecipient, col(ReportShareRecipient.share_id) == col(ReportShare.share_id))
            .where(ReportShareRecipient.provider_id == (principal.provider_id or ""))
            .order_by(col(ReportShare.shared_at).desc())
        )).all()
    return [ShareSummary(**s.model_dump(include={"share_id", "desk_id", "year", "cutoff", "shared_at"}))
            for s in shares]


@router.get("/provider/reports/{share_id}", summary="The figures of a shared yearly report")
async def provider_share(
    share_id: str, runtime: Runtime, format: Annotated[Literal["json", "csv", "xlsx"], Query()] = "json",
    principal: Principal = require_roles(Role.PROVIDER),
) -> Response:
    async with runtime.db.session(readonly=True) as session:
        recipient = await session.get(ReportShareRecipient, (share_id, principal.provider_id or ""))
        shared = await session.get(ReportShare, share_id)
    if shared is None or (recipient is None and principal.role is not Role.SERVICE):
        raise AppError("not_found", 404)
    body, media_type, filename = export(report_from_document(frozen_document(shared)), format)
    disposition = "inline" if format == "json" else "attachment"
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})
