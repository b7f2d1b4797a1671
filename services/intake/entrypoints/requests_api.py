"""Registering a request and what its family (or referrer, or desk) does with it afterwards."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.intake.adapters.links import LinkUnavailable
from services.intake.domain.commands import UpdatePreferences, Withdraw
from services.intake.domain.registration import RegisterRequest
from services.intake.entrypoints.access import visible_request
from services.intake.entrypoints.deps import Parts, Runtime, public_limit
from services.intake.entrypoints.schemas import Changed, Registered, RequestDetail
from services.intake.handlers.changes import update_preferences, withdraw
from services.intake.handlers.common import Actor
from services.intake.handlers.register import register_request
from services.intake.handlers.views import audit, detail_of
from services.runtime.auth import CurrentPrincipal, OptionalPrincipal, Role
from services.runtime.errors import AppError

router = APIRouter(prefix="/api/v1", tags=["requests"])
MAY_REGISTER = (Role.PARENT, Role.REFERRER, Role.DESK, Role.PROVIDER, Role.SERVICE)


@router.post("/requests", status_code=201, response_model=Registered,
             responses={200: {"description": "This child already had an open request: merged into it"},
                        422: {"description": "Bad input: every problem, per field, in the caller's language"},
                        429: {"description": "Too many registrations from this address"}},
             summary="Register a request for childcare (one request per child)")
async def post_request(command: RegisterRequest, response: Response, runtime: Runtime, parts: Parts,
                       principal: OptionalPrincipal, with_link: bool = False,
                       _: None = public_limit("register")) -> Registered:
    """Anonymous (the online form) or as a desk worker, referrer or provider. Send an `Idempotency-Key`
    header: a repeat with the same key returns the first answer and registers nothing twice."""
    if principal is not None and principal.role not in MAY_REGISTER:
        raise AppError("forbidden", 403)
    now = runtime.clock.now()
    async with runtime.uow() as uow:
        result = await register_request(uow, command, principal, now=now, secret=parts.config.fingerprint_secret)
    parts.mailer.wake()
    merged = result.merged_into[0] is not None
    fresh = [rid for rid, survivor in zip(result.request_ids, result.merged_into, strict=True) if survivor is None]
    status_url = None
    if with_link and fresh:
        try:
            status_url = parts.links.url(await parts.links.token(result.parent_subject, fresh, command.language))
        except LinkUnavailable:
            status_url = None  # the mail with the link follows when identity is back
    if merged:
        response.status_code = 200
    insider = principal is not None and principal.role in (Role.DESK, Role.SERVICE)
    return Registered(request_id=result.request_ids[0], status="merged" if merged else "open",
                      request_ids=list(result.request_ids), merged=merged,
                      merged_into=result.merged_into[0] if insider else None, desk_id=result.desk_id,
                      status_url=status_url)


@router.get("/requests/{request_id}", response_model=RequestDetail, summary="One request, with the family's data")
async def get_request(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> RequestDetail:
    """The family through its personal link, a desk worker of the request's desk, or the referrer who
    registered it. Every access is written to the audit log."""
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "detail", runtime.clock.now())
        detail = await detail_of(uow.session, request, principal)
        audit(uow.session, principal, request.desk_id, "detail", runtime.clock.now(), request_id=request_id)
    return detail


@router.get("/requests/{request_id}/status", response_model=Changed, summary="Where a request stands")
async def get_status(request_id: str, runtime: Runtime, principal: CurrentPrincipal) -> Changed:
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "status", runtime.clock.now())
    return Changed(request_id=request.request_id, status=request.status, changed=[])


@router.put("/requests/{request_id}/preferences", response_model=Changed, summary="Change location preferences")
async def put_preferences(request_id: str, command: UpdatePreferences, runtime: Runtime,
                          principal: CurrentPrincipal) -> Changed:
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "preferences", runtime.clock.now())
        changed = await update_preferences(uow, request, command, Actor.of(principal), runtime.clock.now())
    return Changed(request_id=request_id, status=request.status, changed=list(changed))


@router.post("/requests/{request_id}/withdraw", response_model=Changed, summary="Withdraw the request, with a reason")
async def post_withdraw(request_id: str, command: Withdraw, runtime: Runtime, principal: CurrentPrincipal) -> Changed:
    async with runtime.uow() as uow:
        request = await visible_request(uow, request_id, principal, "withdraw", runtime.clock.now())
        await withdraw(uow, request, command, Actor.of(principal), runtime.clock.now())
    return Changed(request_id=request_id, status="withdrawn", changed=["status"])
