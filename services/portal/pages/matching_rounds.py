"""Central allocation rounds for desks: run one, read the result and its proof, confirm it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.pages.matching_client import call, location_ids_in, page, sign_in
from services.portal.pages.offer_locations import location_names
from services.portal.session import PortalUser
from services.runtime.auth import Principal

router = APIRouter(include_in_schema=False)


async def _list(request: Request, user: Principal, *, error: str = "", status_code: int = 200) -> Response:
    desk_id = user.desk_ids[0] if user.desk_ids else ""
    answer = await call(request, "GET", f"/api/v1/desks/{desk_id}/rounds")
    return page(request, "matching/rounds.html", {"rounds": answer.body if answer.ok else [],
                                                  "error": error or answer.error},
                user, status_code=status_code if answer.ok else answer.status)


@router.get("/matching/rounds", response_class=HTMLResponse)
async def rounds(request: Request, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    return await _list(request, user)


@router.post("/matching/rounds", response_class=HTMLResponse)
async def run(request: Request, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    form = await request.form()
    desk_id = user.desk_ids[0] if user.desk_ids else ""
    answer = await call(request, "POST", f"/api/v1/desks/{desk_id}/rounds",
                        json={"start_on": str(form.get("start_on", ""))})
    if not answer.ok:
        return await _list(request, user, error=answer.error, status_code=answer.status)
    return RedirectResponse(f"/matching/rounds/{answer.body['round_id']}", status_code=303)


@router.get("/matching/rounds/{round_id}", response_class=HTMLResponse)
async def detail(request: Request, round_id: str, user: PortalUser, error: str = "") -> Response:
    if user is None:
        return sign_in(request)
    answer = await call(request, "GET", f"/api/v1/rounds/{round_id}")
    names = await location_names(request, location_ids_in(answer.body)) if answer.ok else {}
    return page(request, "matching/round.html", {"r": answer.body if answer.ok else None, "names": names,
                                                 "error": answer.error}, user, status_code=answer.status)


@router.post("/matching/rounds/{round_id}/confirm", response_class=HTMLResponse)
async def confirm(request: Request, round_id: str, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    answer = await call(request, "POST", f"/api/v1/rounds/{round_id}/confirm")
    if not answer.ok:
        return await _list(request, user, error=answer.error, status_code=answer.status)
    return RedirectResponse(f"/matching/rounds/{round_id}", status_code=303)
