"""The desk's follow-up: worklist, corrections, flags, merges, siblings, links, erasure, audit log."""

from __future__ import annotations

from fastapi import APIRouter, Query

from services.intake.adapters.links import LinkUnavailable
from services.intake.domain.commands import HandOverLink, LinkSibling, MergeDuplicate, UpdateFlags, UpdateRequest
from services.intake.domain.followup import WORKLIST_VIEWS
from services.intake.entrypoints.access import DESK_ONLY, visible_request
from services.intake.entrypoints.deps import Parts, Runtime
from services.intake.entrypoints.schemas import Changed, LinkAnswer, Worklist
from services.intake.handlers.changes import mark_reviewed, set_flags, update_details
from services.intake.handlers.common import Actor
from services.intake.handlers.erase import erase
from services.intake.handlers.links import prepare_link
from services.intake.handlers.merge import merge_requests, undo_merge
from services.intake.handlers.siblings import link_pair
from services.intake.handlers.views import audit
from services.intake.handlers.worklist import worklist
from services.runtime.auth import CurrentPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["desk"])
FLAGGERS = (Role.DESK, Role.REFERRER, Role.SERVICE)
LINKERS = (Role.DESK, Role.REFERRER, Role.SERVICE)


@router.get("/desks/{desk_id}/worklist", response_model=Worklist, summary="The desk's worklist")
async def get_worklist(desk_id: str, runtime: Runtime, principal: CurrentPrincipal,
                       view: str = Query("all", description=" | ".join(WORKLIST_VIEWS)),
                       q: str = Query("", max_length=100, description="Name, e-mail, phone or request id"),
                       page: int = Query(1, ge=1, le=10_000)) -> Worklist:
    if principal.role is not Role.DESK or desk_id not in principal.desk_ids:
        raise AppError("forbidden", 403)
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        rows, total, counts = await worklist(uow.session, desk_id, view, q, now.date(), page)
        if rows:
            audit(uow.session, principal, desk_id, "search" if q else "worklist", now,
                  request_ids=[r.request_id for r in rows])
    return Worklist(desk_id=desk_id, view=view if view in WORKLIST_VIEWS else "all", query=q, counts=counts,
                    total=total, page=page, rows=rows)


@router.patch("/requests/{request_id}", response_model=Changed, summary="Correct a request (desk)")
async def patch_request(request_id: str, command: UpdateRequest, runtime: Runtime,
                        principal: CurrentPrincipal) -> Changed:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "update", now, DESK_ONLY)
        changed = await update_details(uow, request, command, Actor.of(principal), now)
    return Changed(request_id=request_id, status=request.status, changed=list(changed))


@router.put("/requests/{request_id}/flags", response_model=Changed, summary="Set category flags")
async def put_flags(request_id: str, command: UpdateFlags, runtime: Runtime, principal: CurrentPrincipal) -> Changed:
    """urgent: desk workers; vulnerable family: desk workers and the referrer, with the family's consent."""
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "flags", now, FLAGGERS)
        changed = await set_flags(uow, request, command, principal, now)
    return Changed(request_id=request_id, status=request.status, changed=list(changed))


@router.post("/requests/{request_id}/reviewed", response_model=Changed, summary="Mark as looked at")
async def post_reviewed(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> Changed:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "reviewed", now, DESK_ONLY)
        await mark_reviewed(uow, request, Actor.of(principal), now)
    return Changed(request_id=request_id, status=request.status, changed=["reviewed"])


@router.post("/requests/{request_id}/merge", response_model=Changed, summary="Merge a duplicate into this request")
async def post_merge(request_id: str, command: MergeDuplicate, runtime: Runtime,
                     principal: CurrentPrincipal) -> Changed:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        await visible_request(uow, request_id, principal, "merge", now, DESK_ONLY)
        await visible_request(uow, command.duplicate_id, principal, "merge", now, DESK_ONLY)
        await merge_requests(uow, request_id, command.duplicate_id, Actor.of(principal), now)
    return Changed(request_id=command.duplicate_id, status="merged", changed=["merged_into"])


@router.post("/requests/{request_id}/unmerge", response_model=Changed, summary="Undo a merge (id of the duplicate)")
async def post_unmerge(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> Changed:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "unmerge", now, DESK_ONLY)
        await undo_merge(uow, request, Actor.of(principal), now)
    return Changed(request_id=request_id, status="open", changed=["merged_into"])


@router.post("/requests/{request_id}/siblings", response_model=Changed, summary="Link a sibling's request")
async def post_sibling(request_id: str, command: LinkSibling, runtime: Runtime,
                       principal: CurrentPrincipal) -> Changed:
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        first = await visible_request(uow, request_id, principal, "siblings", now, DESK_ONLY)
        second = await visible_request(uow, command.sibling_id, principal, "siblings", now, DESK_ONLY)
        await link_pair(uow, first, second, command.place_together, Actor.of(principal), now)
    return Changed(request_id=request_id, status=first.status, changed=["sibling_request_ids"])


@router.post("/requests/{request_id}/erase", response_model=Changed, summary="Erase the family's personal data")
async def post_erase(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> Changed:
    """Only for a closed request (withdraw it first). No event: every count stays as it was."""
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "erase", now, DESK_ONLY)
        erased = await erase(uow, request, Actor.of(principal), now)
    return Changed(request_id=request_id, status=request.status, changed=["personal_data", *erased[1:]])


@router.post("/requests/{request_id}/link", response_model=LinkAnswer, summary="A personal link to hand over")
async def post_link(request_id: str, command: HandOverLink, runtime: Runtime, parts: Parts,
                    principal: CurrentPrincipal) -> LinkAnswer:
    """For a family without e-mail: print or read out the link; or mail it again."""
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "link", now, LINKERS)
        ids, mailed = await prepare_link(uow, request, command.send_mail, now)
        audit(uow.session, principal, request.desk_id, "link", now, request_id=request_id)
    if mailed:
        parts.mailer.wake()
    try:  # asked of identity outside the transaction
        token = await parts.links.token(request.parent_subject, ids, request.language)
    except LinkUnavailable as exc:
        raise AppError("link_unavailable", 503) from exc
    return LinkAnswer(url=parts.links.url(token), mailed=mailed)
