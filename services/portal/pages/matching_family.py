"""The family's page: its proposals, with a plain accept or decline (with a reason)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.portal.pages.matching_client import call, location_ids_in, page, sign_in
from services.portal.pages.offer_locations import location_names
from services.portal.session import PortalUser
from services.runtime.auth import Principal

router = APIRouter(include_in_schema=False)
DECLINE_REASONS = ("too_far", "wrong_days", "too_late", "too_expensive", "found_elsewhere", "no_longer_needed",
                   "other")


async def _render(request: Request, user: Principal, request_id: str, *, notice: str = "", error: str = "",
                  status_code: int = 200) -> Response:
    answer = await call(request, "GET", f"/api/v1/requests/{request_id}/proposals")
    names = await location_names(request, location_ids_in(answer.body)) if answer.ok else {}
    return page(request, "matching/proposals.html", {
        "request_id": request_id, "proposals": answer.body if answer.ok else [], "names": names,
        "reasons": DECLINE_REASONS, "notice": notice, "error": error or answer.error,
    }, user, status_code=status_code if answer.ok else answer.status)


@router.get("/matching/proposals/{request_id}", response_class=HTMLResponse)
async def proposals(request: Request, request_id: str, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    return await _render(request, user, request_id)


@router.post("/matching/proposals/{request_id}/{proposal_id}/{action}", response_class=HTMLResponse)
async def answer(request: Request, request_id: str, proposal_id: str, action: str, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    form = await request.form()
    if action == "accept":
        body: dict[str, object] = {"accept_deviation": form.get("accept_deviation") == "yes",
                                   "stay_listed_for_higher_preference": form.get("stay_listed") == "yes"}
    else:
        body = {"reason": str(form.get("reason", ""))}
    verb = "accept" if action == "accept" else "decline"
    result = await call(request, "POST", f"/api/v1/proposals/{proposal_id}/{verb}", json=body)
    if result.ok:
        return await _render(request, user, request_id, notice="m_done")
    return await _render(request, user, request_id, error=result.error, status_code=result.status)
