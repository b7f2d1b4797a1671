"""Pages for matching: distribution reasons, ranking, proposals, allocation rounds (issue 5).

Desk workers follow their desk's requests and see, per location, why it was or was not told;
providers see each location's ranking and answer or propose; families answer proposals; desks
that allocate centrally run, inspect and confirm rounds. Every call goes to the matching service
with the signed-in user's own token, so the service decides what each one may see.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import services.portal.pages.matching_texts  # noqa: F401 - registers the texts
from services.portal.pages import matching_family, matching_provider, matching_rounds
from services.portal.pages.matching_client import call, location_ids_in, page, sign_in
from services.portal.pages.offer_locations import location_names
from services.portal.session import PortalUser
from services.runtime.auth import Role

router = APIRouter(include_in_schema=False)
router.include_router(matching_provider.router)
router.include_router(matching_family.router)
router.include_router(matching_rounds.router)


@router.get("/matching", response_class=HTMLResponse)
async def start(request: Request, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    if user.role is Role.PROVIDER:
        return RedirectResponse("/matching/provider", status_code=303)
    if user.role is Role.PARENT and user.request_ids:
        return RedirectResponse(f"/matching/proposals/{user.request_ids[0]}", status_code=303)
    return RedirectResponse("/matching/desk", status_code=303)


@router.get("/matching/desk", response_class=HTMLResponse)
async def desk(request: Request, user: PortalUser, desk: str = "") -> Response:
    if user is None:
        return sign_in(request)
    desk_id = desk or (user.desk_ids[0] if user.desk_ids else "")
    answer = await call(request, "GET", f"/api/v1/desks/{desk_id}/requests")
    return page(request, "matching/desk.html", {"rows": answer.body if answer.ok else [], "error": answer.error,
                                                "desk_id": desk_id}, user, status_code=answer.status)


@router.get("/matching/requests/{request_id}", response_class=HTMLResponse)
async def request_detail(request: Request, request_id: str, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    answer = await call(request, "GET", f"/api/v1/requests/{request_id}/overview")
    names = await location_names(request, location_ids_in(answer.body)) if answer.ok else {}
    return page(request, "matching/request.html", {"o": answer.body if answer.ok else None, "error": answer.error,
                                                   "names": names}, user, status_code=answer.status)
