"""Read side: a request as its family, its desk or a referrer sees it, and the access log.

Every read of personal data writes an audit row in the same transaction as the read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from contracts import municipalities
from services.intake.adapters.tables import AuditEntry, CareRequest, Desk, FamilyData, FlagChange, RequestChange
from services.intake.entrypoints.schemas import (
    ChangeInfo,
    ContactDetails,
    FlagInfo,
    Person,
    RequestDetail,
    SiblingInfo,
)
from services.intake.handlers.common import answers_of, snapshot_of
from services.runtime.auth import Principal, Role


def audit(session: AsyncSession, principal: Principal | None, desk_id: str, action: str, now: datetime, *,
          request_id: str | None = None, request_ids: Iterable[str] = (), outcome: str = "granted") -> None:
    session.add(AuditEntry(
        at=now, desk_id=desk_id, request_id=request_id, request_ids=" ".join(request_ids),
        actor_subject=principal.subject if principal else "", actor_role=principal.role.value if principal else "",
        actor_name=principal.name if principal else "", actor_provider_id=(principal.provider_id or "")
        if principal else "", action=action, outcome=outcome))


def municipality_name(nis: str, lang: str = "nl") -> str:
    found = municipalities.get(nis)
    return found.name(lang) if found else nis


def contact_of(request: CareRequest, data: FamilyData | None) -> ContactDetails | None:
    if data is None:
        return None
    return ContactDetails(
        request_id=request.request_id, child_first_name=data.child_first_name,
        child_last_name=data.child_last_name, parents=[Person(first_name=p["first_name"], last_name=p["last_name"],
                                                     national_number=p.get("national_number") or "")
                                              for p in json.loads(data.parents)],
        email=data.contact_email, phone=data.contact_phone,
        address=json.loads(data.contact_address) if data.contact_address else None,
        preferred_contact=data.preferred_contact, language=request.language)


async def flags_of(session: AsyncSession, request_id: str) -> list[FlagInfo]:
    """The latest change of each flag: who set it (or cleared it) and when."""
    rows = (await session.exec(select(FlagChange).where(FlagChange.request_id == request_id)
                               .order_by(col(FlagChange.at), col(FlagChange.id)))).all()
    latest = {row.flag: row for row in rows}
    return [FlagInfo(flag=r.flag, value=r.value, set_by_role=r.actor_role, set_by_name=r.actor_name, set_at=r.at)
            for r in latest.values()]


async def history_of(session: AsyncSession, request_id: str) -> list[ChangeInfo]:
    rows = (await session.exec(select(RequestChange).where(RequestChange.request_id == request_id)
                               .order_by(col(RequestChange.at), col(RequestChange.id)))).all()
    return [ChangeInfo(at=r.at, actor_role=r.actor_role, actor_name=r.actor_name, action=r.action,
                       fields=[f for f in r.fields.split(",") if f]) for r in rows]


async def detail_of(session: AsyncSession, request: CareRequest, principal: Principal) -> RequestDetail:
    data = await session.get(FamilyData, request.request_id)
    desk = await session.get(Desk, request.desk_id)
    snapshot = snapshot_of(request)
    answers = answers_of(request)
    sibling_rows = (await session.exec(select(CareRequest, FamilyData).outerjoin(
        FamilyData, col(FamilyData.request_id) == col(CareRequest.request_id))
        .where(col(CareRequest.request_id).in_(snapshot.sibling_request_ids)))).all()
    duplicates = (await session.exec(select(CareRequest.request_id).where(
        CareRequest.merged_into == request.request_id))).all()
    is_desk = principal.role in (Role.DESK, Role.SERVICE)
    contact = contact_of(request, data)
    if contact is not None and not is_desk:
        contact = contact.model_copy(update={"parents": [p.model_copy(update={"national_number": ""})
                                                         for p in contact.parents]})
    return RequestDetail(
        request_id=request.request_id, desk_id=request.desk_id, desk_name=desk.name if desk else "",
        status=request.status, channel=request.channel, language=request.language,
        registered_at=request.registered_at, child_first_name=data.child_first_name if data else "",
        child_last_name=data.child_last_name if data else "", child_birth_date=request.child_birth_date,
        birth_expected=request.birth_expected, contact=contact, home_nis=request.home_nis,
        municipality=municipality_name(request.home_nis, principal.language),
        wanted_start_date=snapshot.wanted_start_date, original_wanted_start_date=snapshot.original_wanted_start_date,
        care_pattern=snapshot.care_pattern, preferences=snapshot.preferences, ikt_wanted=snapshot.ikt_wanted,
        categories=snapshot.categories, flags=await flags_of(session, request.request_id),
        priority_answers=list(answers.get("priority_answers", [])), priority_codes=list(snapshot.priority_codes),
        priority_sworn=bool(answers.get("priority_sworn")), policy_version=request.policy_version,
        siblings=[SiblingInfo(request_id=r.request_id, child_first_name=d.child_first_name if d else "",
                              status=r.status) for r, d in sibling_rows],
        place_siblings_together=snapshot.place_siblings_together, merged_into=request.merged_into,
        merged_duplicates=list(duplicates), withdrawal_reason=request.withdrawal_reason,
        allocated_location_id=request.allocated_location_id, proposal_count=request.proposal_count,
        answer_due=request.answer_due, erased=request.erased_at is not None,
        history=await history_of(session, request.request_id) if is_desk else [],
    )
