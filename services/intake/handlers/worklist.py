"""The desk's worklist: views (new, urgent, overdue, escalated, merged, closed), search and paging."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from services.intake.adapters.tables import CareRequest, FamilyData
from services.intake.domain.followup import WORKLIST_VIEWS
from services.intake.domain.identifiers import normalise_email, normalise_name, normalise_phone
from services.intake.entrypoints.schemas import WorklistRow
from services.intake.handlers.common import snapshot_of
from services.intake.handlers.views import municipality_name

PAGE_SIZE = 50


def view_filter(view: str, today: date) -> ColumnElement[bool]:
    is_open = col(CareRequest.status) == "open"
    filters: dict[str, Any] = {
        "all": col(CareRequest.status) != "merged",
        "new": and_(is_open, col(CareRequest.reviewed_at).is_(None)),
        "urgent": and_(is_open, col(CareRequest.urgent).is_(True)),
        "overdue": and_(is_open, col(CareRequest.proposal_count) == 0, col(CareRequest.answer_due) < today),
        "escalated": and_(is_open, col(CareRequest.escalated_at).is_not(None)),
        "merged": col(CareRequest.status) == "merged",
        "closed": col(CareRequest.status).in_(("withdrawn", "allocated")),
    }
    return filters[view]  # type: ignore[no-any-return]


def search_filter(query: str) -> ColumnElement[bool] | None:
    """Names (accents and spaces ignored), e-mail, phone digits, or the start of a request id."""
    text = query.strip()
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    if "@" in text:
        needle = normalise_email(text)
    elif digits and len(digits) >= 6 and len(digits) >= len(text.replace(" ", "")) - 3:
        phone = normalise_phone(text)
        needle = phone[2:] if phone.startswith("32") else phone
    else:
        needle = normalise_name(text)
    if not needle:
        return None
    return or_(col(FamilyData.search_text).contains(needle), col(CareRequest.request_id).startswith(text.lower()))


async def worklist(session: AsyncSession, desk_id: str, view: str, query: str, today: date,
                   page: int = 1) -> tuple[list[WorklistRow], int, dict[str, int]]:
    if view not in WORKLIST_VIEWS:
        view = "all"
    base = [col(CareRequest.desk_id) == desk_id]
    found = search_filter(query)
    if found is not None:
        base.append(found)
    joined = select(func.count()).select_from(CareRequest).outerjoin(
        FamilyData, col(FamilyData.request_id) == col(CareRequest.request_id))
    counts = {}
    for name in WORKLIST_VIEWS:
        counts[name] = int((await session.exec(joined.where(*base, view_filter(name, today)))).one())
    rows = (await session.exec(
        select(CareRequest, FamilyData).outerjoin(FamilyData, col(FamilyData.request_id) == col(CareRequest.request_id))
        .where(*base, view_filter(view, today))
        .order_by(col(CareRequest.urgent).desc(), col(CareRequest.registered_at))
        .offset((max(page, 1) - 1) * PAGE_SIZE).limit(PAGE_SIZE))).all()
    return [row_of(request, data, today) for request, data in rows], counts[view], counts


def row_of(request: CareRequest, data: FamilyData | None, today: date) -> WorklistRow:
    snapshot = snapshot_of(request)
    name = f"{data.child_first_name} {data.child_last_name}".strip() if data else ""
    return WorklistRow(
        request_id=request.request_id, status=request.status, channel=request.channel,
        registered_at=request.registered_at, child_name=name, child_birth_date=request.child_birth_date,
        birth_expected=request.birth_expected, municipality=municipality_name(request.home_nis),
        wanted_start_date=request.wanted_start_date, categories=snapshot.categories,
        proposal_count=request.proposal_count, answer_due=request.answer_due,
        overdue=request.status == "open" and request.proposal_count == 0 and request.answer_due < today,
        escalated=request.escalated_at is not None, reviewed=request.reviewed_at is not None,
        merged_into=request.merged_into,
    )
