"""Desk pages: the locations in the desk's working area; close one when its licence is suspended or withdrawn."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.pages.providers_client import call_offer, sign_in_first
from services.portal.rendering import render
from services.portal.session import PortalUser
from services.runtime.auth import Principal, Role

router = APIRouter()


def is_desk(user: Principal | None) -> bool:
    return user is not None and user.role is Role.DESK


async def area_context(request: Request, user: Principal, message: str = "") -> dict[str, Any]:
    locations: list[dict[str, Any]] = []
    for desk_id in user.desk_ids:
        answer = await call_offer(request, "GET", "/api/v1/desk/locations", params={"desk_id": desk_id})
        if answer.ok:
            locations += [loc for loc in answer.body if loc not in locations]
    return {"locations": locations, "message": message, "ok": request.query_params.get("ok")}


@router.get("/loket/locaties", response_class=HTMLResponse, include_in_schema=False)
async def area(request: Request, user: PortalUser) -> Response:
    if not is_desk(user):
        return sign_in_first(request)
    assert user is not None
    return render(request, "providers/desk.html", await area_context(request, user), user=user)


@router.post("/loket/locaties/{location_id}/{action}", include_in_schema=False)
async def act(request: Request, location_id: str, action: str, user: PortalUser) -> Response:
    if not is_desk(user) or action not in ("sluiten", "heropenen"):
        return sign_in_first(request)
    assert user is not None
    if action == "sluiten":
        form = await request.form()
        body = {"reason": str(form.get("reason") or "licence_suspended")}
        if form.get("closed_on"):
            body["closed_on"] = str(form.get("closed_on"))
        answer = await call_offer(request, "POST", f"/api/v1/locations/{location_id}/close", json=body)
    else:
        answer = await call_offer(request, "POST", f"/api/v1/locations/{location_id}/reopen")
    if answer.ok:
        return RedirectResponse(f"/loket/locaties?ok={action}", status_code=303)
    return render(request, "providers/desk.html", await area_context(request, user, answer.message), user=user,
                  status_code=answer.status)
