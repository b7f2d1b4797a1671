"""The provider API: what a provider's own software (or its portal pages) uses.

Providers authenticate with a JWT (role ``organisator`` with ``provider_id``; API keys are
exchanged for one at identity). They read the requests distributed to their locations with a
cursor, answer them, and make proposals. They never see personal data.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query
from sqlmodel import col, select

from contracts.events.matching import ProviderResponded
from services.matching.adapters import repository
from services.matching.adapters.tables import (
    OpenRequestView,
    ProviderFeedEntry,
    ProviderResponse,
    Recipient,
)
from services.matching.domain.eligibility import age_in_months
from services.matching.domain.working_days import add_working_days
from services.matching.entrypoints.deps import Runtime, own_location
from services.matching.entrypoints.present import proposal_public
from services.matching.entrypoints.schemas import (
    Feed,
    FeedItem,
    ProposalCreate,
    ProposalPublic,
    ResponseCreate,
    ResponsePublic,
)
from services.matching.handlers.proposing import make_proposal
from services.runtime.auth import CurrentPrincipal, Role, require_roles
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1/provider", tags=["provider API"], dependencies=[require_roles(Role.PROVIDER)])


def provider_of(principal: CurrentPrincipal, provider_id: str | None) -> str:
    if principal.role is Role.PROVIDER and principal.provider_id:
        return principal.provider_id
    if principal.role is Role.SERVICE and provider_id:
        return provider_id
    raise AppError("forbidden", 403)


@router.get("/requests", response_model=Feed, summary="Requests distributed to your locations since a cursor")
async def feed(runtime: Runtime, principal: CurrentPrincipal, cursor: int = Query(0, ge=0),
               limit: int = Query(100, ge=1, le=500), provider_id: str | None = None) -> Feed:
    provider = provider_of(principal, provider_id)
    async with runtime.db.session(readonly=True) as session:
        query = select(ProviderFeedEntry).where(ProviderFeedEntry.provider_id == provider,
                                                col(ProviderFeedEntry.seq) > cursor)
        if principal.location_ids:  # a key scoped to some locations reads only their part of the feed
            query = query.where(col(ProviderFeedEntry.location_id).in_(principal.location_ids))
        entries = (await session.exec(query.order_by(col(ProviderFeedEntry.seq)).limit(limit))).all()
        ids = {e.request_id for e in entries}
        views = {v.request_id: v for v in (await session.exec(select(OpenRequestView).where(
            col(OpenRequestView.request_id).in_(ids)))).all()}
        answers = {(a.request_id, a.location_id): a.answer for a in (await session.exec(select(ProviderResponse).where(
            ProviderResponse.provider_id == provider, col(ProviderResponse.request_id).in_(ids)))).all()}
        books = {d: await repository.policy_book(session, d) for d in {v.desk_id for v in views.values()}}
    items = []
    for entry in entries:
        view = views.get(entry.request_id)
        snapshot = repository.snapshot_of(view) if view else None
        item = FeedItem(cursor=entry.seq, change=entry.change,  # type: ignore[arg-type]
                        request_id=entry.request_id, location_id=entry.location_id,
                        desk_id=view.desk_id if view else "", status=view.status if view else "unknown",
                        answer=answers.get((entry.request_id, entry.location_id)))
        if snapshot is not None and view is not None and entry.change != "closed":
            policy = books[view.desk_id].in_force_on(entry.at.date())
            item = item.model_copy(update={
                "wanted_start_date": snapshot.wanted_start_date, "care_pattern": snapshot.care_pattern,
                "child_age_months_at_start": age_in_months(snapshot.child_birth_date, snapshot.wanted_start_date),
                "birth_expected": snapshot.birth_expected, "atypical_hours_needed": snapshot.atypical_hours_needed,
                "specific_care_need": snapshot.specific_care_need, "ikt_wanted": snapshot.ikt_wanted,
                "urgent": snapshot.categories.urgent or view.urgent_reopened, "home_nis": snapshot.home_nis,
                "answer_due": add_working_days(entry.at.date(), policy.provider_response_days,
                                               flemish_holiday=policy.count_flemish_holiday) if policy else None,
            })
        items.append(item)
    return Feed(items=items, next_cursor=entries[-1].seq if entries else cursor)


@router.post("/requests/{request_id}/responses", status_code=201, response_model=ResponsePublic,
             summary="Answer a distributed request for one of your locations")
async def respond(request_id: str, body: ResponseCreate, runtime: Runtime,
                  principal: CurrentPrincipal) -> ResponsePublic:
    now: datetime = runtime.clock.now()
    async with runtime.uow() as uow:
        location = await own_location(uow, principal, body.location_id)
        view = await uow.session.get(OpenRequestView, request_id)
        if view is None or not view.snapshot:
            raise AppError("not_found", 404)
        if await uow.session.get(Recipient, (request_id, body.location_id)) is None:
            raise AppError("not_distributed_to_location", 403, field="location_id")
        if view.status != "open":
            raise AppError("request_not_open", 409)
        row = await uow.session.get(ProviderResponse, (request_id, body.location_id)) or ProviderResponse(
            request_id=request_id, location_id=body.location_id, provider_id=location.provider_id, answer="",
            responded_at=now)
        row.answer, row.reason_code, row.responded_at = body.answer, body.reason_code, now
        uow.session.add(row)
        await uow.emit(ProviderResponded(
            request_id=request_id, desk_id=view.desk_id, location_id=body.location_id,
            provider_id=location.provider_id, answer=body.answer, reason_code=body.reason_code, responded_at=now))
    return ResponsePublic(request_id=request_id, location_id=body.location_id, answer=body.answer,
                          reason_code=body.reason_code, responded_at=now)


@router.post("/requests/{request_id}/proposals", status_code=201, response_model=ProposalPublic,
             summary="Propose a place (location, start date, care pattern) to the family")
async def propose(request_id: str, body: ProposalCreate, runtime: Runtime,
                  principal: CurrentPrincipal) -> ProposalPublic:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        await own_location(uow, principal, body.location_id)
        proposal = await make_proposal(uow, request_id=request_id, location_id=body.location_id,
                                       start=body.start_date, pattern=body.care_pattern, made_by="provider", at=now)
        view = await uow.session.get(OpenRequestView, request_id)
        snapshot = repository.snapshot_of(view) if view else None
    assert snapshot is not None
    return proposal_public(proposal, snapshot, now.date())
