"""Provider pages: my locations with derived free places, one location's figures, capacity and corrections."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.pages.providers_client import OfferAnswer, call_offer, sign_in_first
from services.portal.rendering import render
from services.portal.session import PortalUser
from services.runtime.auth import Principal, Role

router = APIRouter()
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def is_provider(user: Principal | None) -> bool:
    return user is not None and user.role is Role.PROVIDER


@router.get("/aanbieder", response_class=HTMLResponse, include_in_schema=False)
async def dashboard(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    answer = await call_offer(request, "GET", "/api/v1/provider/locations")
    locations = answer.body if answer.ok else []
    figures = await asyncio.gather(*(call_offer(request, "GET", f"/api/v1/locations/{loc['location_id']}/free-places")
                                     for loc in locations))
    rows = [{"location": loc, "days": {d["weekday"]: d for d in f.body["days"]} if f.ok else {}}
            for loc, f in zip(locations, figures, strict=True)]
    return render(request, "providers/dashboard.html", {"rows": rows, "weekdays": WEEKDAYS}, user=user)


async def detail_context(request: Request, location_id: str) -> dict[str, Any] | None:
    mine = await call_offer(request, "GET", f"/api/v1/provider/locations/{location_id}")
    if not mine.ok:
        return None
    free, corrections = await asyncio.gather(
        call_offer(request, "GET", f"/api/v1/locations/{location_id}/free-places"),
        call_offer(request, "GET", f"/api/v1/provider/locations/{location_id}/corrections"))
    return {"location": mine.body, "free": free.body, "corrections": corrections.body or [], "weekdays": WEEKDAYS,
            "ok": request.query_params.get("ok"), "errors": {}, "message": ""}


@router.get("/aanbieder/locaties/{location_id}", response_class=HTMLResponse, include_in_schema=False)
async def detail(request: Request, location_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    context = await detail_context(request, location_id)
    if context is None:
        return render(request, "providers/not_found.html", {}, user=user, status_code=404)
    return render(request, "providers/detail.html", context, user=user)


async def after_post(request: Request, user: Principal | None, location_id: str, answer: OfferAnswer,
                     form_name: str) -> Response:
    """Post/redirect/get on success; the same page with the offer's message (in the user's language) otherwise."""
    if answer.ok:
        return RedirectResponse(f"/aanbieder/locaties/{location_id}?ok={form_name}", status_code=303)
    context = await detail_context(request, location_id)
    if context is None:
        return render(request, "providers/not_found.html", {}, user=user, status_code=404)
    context.update(errors=answer.field_errors, message=answer.message, failed=form_name)
    return render(request, "providers/detail.html", context, user=user, status_code=answer.status)


@router.post("/aanbieder/locaties/{location_id}/capaciteit", include_in_schema=False)
async def post_capacity(request: Request, location_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    capacity = {day: _number(form.get(f"cap_{day}")) for day in WEEKDAYS}
    answer = await call_offer(request, "PUT", f"/api/v1/provider/locations/{location_id}/capacity",
                              json={"capacity_per_weekday": capacity})
    return await after_post(request, user, location_id, answer, "capacity")


@router.post("/aanbieder/locaties/{location_id}/correcties", include_in_schema=False)
async def post_correction(request: Request, location_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    fewer = _number(form.get("places_fewer"))
    body: dict[str, Any] = {
        "weekdays": [d for d in form.getlist("weekdays") if d in WEEKDAYS],
        "places_delta": -fewer if isinstance(fewer, int) else fewer, "reason": form.get("reason") or "other",
        "note": str(form.get("note") or ""),
    }
    for name in ("valid_from", "valid_until"):
        if form.get(name):
            body[name] = form.get(name)
    answer = await call_offer(request, "POST", f"/api/v1/provider/locations/{location_id}/corrections", json=body)
    return await after_post(request, user, location_id, answer, "correction")


@router.post("/aanbieder/locaties/{location_id}/correcties/{correction_id}/einde", include_in_schema=False)
async def post_end(request: Request, location_id: str, correction_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    answer = await call_offer(request, "POST",
                              f"/api/v1/provider/locations/{location_id}/corrections/{correction_id}/end", json={})
    return await after_post(request, user, location_id, answer, "end")


def _number(value: Any) -> Any:
    """An int when the field holds one; the raw text otherwise, so offer explains what is wrong."""
    text = str(value or "0").strip()
    return int(text) if text.lstrip("-").isdigit() else text
