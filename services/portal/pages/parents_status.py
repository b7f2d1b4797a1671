"""The family's status page behind its personal link: where each request stands and every proposal.

Accepting and declining go to matching, preferences and withdrawal to intake, always with the
family's own link token: a family can only ever act on the requests its link opens.
"""

from __future__ import annotations

from typing import Any

import jwt
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.i18n import page_language, translator
from services.portal.pages.parents_api import (
    Unavailable,
    call,
    json_or,
    link_token,
    location_names,
    location_options,
)
from services.portal.pages.parents_form import MAX_RANKED, municipality_options, preferences_from_form
from services.portal.rendering import render
from services.runtime.auth import Principal, Role, TokenVerifier

router = APIRouter()
DECLINE_REASONS = ("too_far", "wrong_days", "too_late", "too_expensive", "found_elsewhere", "no_longer_needed",
                   "other")
WITHDRAW_REASONS = ("found_elsewhere", "no_longer_needed", "moved", "other")


async def family(request: Request) -> tuple[Principal | None, str]:
    token = link_token(request) or ""
    verifier: TokenVerifier = request.app.state.token_verifier
    try:
        principal = await verifier.verify(token) if token else None
    except (jwt.InvalidTokenError, ValueError, KeyError):
        principal = None
    if principal is None or principal.role is not Role.PARENT:
        return None, ""
    return principal, token


async def status_page(request: Request, *, notice: str = "", error: str = "", status_code: int = 200) -> Response:
    principal, token = await family(request)
    if principal is None:
        return render(request, "parents/link_invalid.html", {}, status_code=400)
    items = []
    for request_id in principal.request_ids:
        try:
            answer = await call(request, "intake", "GET", f"/api/v1/requests/{request_id}", token=token)
        except Unavailable:
            error = error or translator(page_language(request))("service_unavailable")
            continue
        if answer.status_code != 200:
            continue
        proposals = await json_or(request, "matching", f"/api/v1/requests/{request_id}/proposals", None, token=token)
        items.append({"detail": answer.json(), "proposals": proposals if isinstance(proposals, list) else None})
    ids = {p["location_id"] for item in items for p in item["proposals"] or [] if "location_id" in p}
    ids |= {i["detail"]["allocated_location_id"] for i in items if i["detail"].get("allocated_location_id")}
    return render(request, "parents/status.html", {
        "items": items, "names": await location_names(request, ids), "notice": notice, "error": error,
        "decline_reasons": DECLINE_REASONS,
    }, status_code=status_code)


def problem_text(answer: Any, fallback: str) -> str:
    try:
        error = answer.json().get("error") or {}
    except ValueError:
        return fallback
    fields = error.get("fields") or []
    return str(fields[0].get("message") if fields else error.get("message") or fallback)


async def act(request: Request, service: str, method: str, path: str, body: dict[str, Any], notice: str) -> Response:
    """Do one thing with the family's token; back to the status page with a notice, or the reason why not."""
    t = translator(page_language(request))
    principal, token = await family(request)
    if principal is None:
        return render(request, "parents/link_invalid.html", {}, status_code=400)
    try:
        answer = await call(request, service, method, path, token=token, json=body)
    except Unavailable:
        return await status_page(request, error=t("service_unavailable"), status_code=503)
    if answer.status_code >= 300:
        return await status_page(request, error=problem_text(answer, t("service_unavailable")),
                                 status_code=answer.status_code if answer.status_code < 500 else 503)
    return RedirectResponse(f"/ouders/mijn-aanvraag?notice={notice}", status_code=303)


@router.get("/ouders/mijn-aanvraag", response_class=HTMLResponse, include_in_schema=False)
async def my_request(request: Request, notice: str = "") -> Response:
    known = ("accepted_notice", "declined_notice", "saved_notice", "withdrawn_notice")
    return await status_page(request, notice=notice if notice in known else "")


@router.post("/ouders/mijn-aanvraag/{request_id}/voorstellen/{proposal_id}/aanvaarden", include_in_schema=False)
async def accept(request: Request, request_id: str, proposal_id: str) -> Response:
    form = await request.form()
    return await act(request, "matching", "POST", f"/api/v1/proposals/{proposal_id}/accept",
                     {"accept_deviation": form.get("accept_deviation") == "on"}, "accepted_notice")


@router.post("/ouders/mijn-aanvraag/{request_id}/voorstellen/{proposal_id}/weigeren", include_in_schema=False)
async def decline(request: Request, request_id: str, proposal_id: str) -> Response:
    form = await request.form()
    return await act(request, "matching", "POST", f"/api/v1/proposals/{proposal_id}/decline",
                     {"reason": str(form.get("reason") or "other")}, "declined_notice")


def preference_values(preferences: dict[str, Any]) -> dict[str, str]:
    values = {"pref_mode": str(preferences.get("mode", "distance"))}
    if preferences.get("max_distance_km"):
        values["max_distance_km"] = f"{preferences['max_distance_km']:g}"
    for n, code in enumerate(preferences.get("nis_codes") or (), start=1):
        values[f"pref_nis_{n}"] = code
    for n, location_id in enumerate(preferences.get("location_ids") or (), start=1):
        values[f"pref_loc_{n}"] = location_id
    return values


@router.get("/ouders/mijn-aanvraag/{request_id}/aanpassen", response_class=HTMLResponse, include_in_schema=False)
async def change_page(request: Request, request_id: str) -> Response:
    principal, token = await family(request)
    if principal is None or request_id not in principal.request_ids:
        return render(request, "parents/link_invalid.html", {}, status_code=400)
    detail = await json_or(request, "intake", f"/api/v1/requests/{request_id}", None, token=token)
    if detail is None:
        return await status_page(request, error=translator(page_language(request))("service_unavailable"),
                                 status_code=503)
    return render(request, "parents/change.html", {
        "detail": detail, "values": preference_values(detail["preferences"]), "errors": {},
        "municipalities": municipality_options(page_language(request)),
        "locations": await location_options(request, near=detail.get("home_nis")),
        "max_ranked": MAX_RANKED, "withdraw_reasons": WITHDRAW_REASONS})


@router.post("/ouders/mijn-aanvraag/{request_id}/voorkeuren", include_in_schema=False)
async def preferences(request: Request, request_id: str) -> Response:
    form = await request.form()
    body = {"preferences": preferences_from_form({k: str(v) for k, v in form.items()})}
    return await act(request, "intake", "PUT", f"/api/v1/requests/{request_id}/preferences", body, "saved_notice")


@router.post("/ouders/mijn-aanvraag/{request_id}/intrekken", include_in_schema=False)
async def withdraw(request: Request, request_id: str) -> Response:
    form = await request.form()
    return await act(request, "intake", "POST", f"/api/v1/requests/{request_id}/withdraw",
                     {"reason": str(form.get("reason") or "other")}, "withdrawn_notice")
