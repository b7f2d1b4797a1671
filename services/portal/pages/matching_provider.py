"""The provider's page: per location, the open requests in the order the desk's rules set, with
buttons to answer and a short form to propose a place."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.portal.pages.matching_client import call, page, sign_in
from services.portal.pages.offer_locations import own_locations
from services.portal.session import PortalUser
from services.runtime.auth import Principal

router = APIRouter(include_in_schema=False)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")


async def _render(request: Request, user: Principal, *, notice: str = "", error: str = "",
                  status_code: int = 200) -> Response:
    rankings: list[dict[str, Any]] = []
    for location in await own_locations(request):
        location_id = location["location_id"]
        answer = await call(request, "GET", f"/api/v1/locations/{location_id}/ranking")
        rankings.append({"location_id": location_id, "name": location["name"],
                         "entries": answer.body["entries"] if answer.ok else [], "error": answer.error})
    return page(request, "matching/provider.html", {"rankings": rankings, "notice": notice, "error": error,
                                                    "weekdays": WEEKDAYS}, user, status_code=status_code)


@router.get("/matching/provider", response_class=HTMLResponse)
async def provider(request: Request, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    return await _render(request, user)


@router.post("/matching/provider/respond", response_class=HTMLResponse)
async def respond(request: Request, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    form = await request.form()
    body = {"location_id": str(form.get("location_id", "")), "answer": str(form.get("answer", ""))}
    answer = await call(request, "POST", f"/api/v1/provider/requests/{form.get('request_id', '')}/responses",
                        json=body)
    if answer.ok:
        return await _render(request, user, notice="m_done")
    return await _render(request, user, error=answer.error, status_code=answer.status)


@router.post("/matching/provider/propose", response_class=HTMLResponse)
async def propose(request: Request, user: PortalUser) -> Response:
    if user is None:
        return sign_in(request)
    form = await request.form()
    days = [{"weekday": d} for d in form.getlist("days") if d in WEEKDAYS]
    body = {"location_id": str(form.get("location_id", "")), "start_date": str(form.get("start_date", "")),
            "care_pattern": {"days": days}}
    answer = await call(request, "POST", f"/api/v1/provider/requests/{form.get('request_id', '')}/proposals",
                        json=body)
    if answer.ok:
        return await _render(request, user, notice="m_done")
    return await _render(request, user, error=answer.error, status_code=answer.status)
