"""Pages for notifications (issue 6): a provider chooses how it is told and sees what it was sent;
a desk works its list of overdue answers, prints letters, and shows proof of every notification.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import services.portal.pages.notifications_texts  # noqa: F401 - registers the page texts
from services.portal.pages.notifications_api import address_lines, call, notifications
from services.portal.rendering import render
from services.portal.session import PortalUser
from services.runtime.auth import Principal, Role

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form()]


def _gate(request: Request, user: Principal | None, role: Role) -> Response | None:
    if user is None:
        return RedirectResponse(f"/auth/login?next={request.url.path}", status_code=303)
    if user.role is not role:
        return render(request, "notifications/forbidden.html", {}, user=user, status_code=403)
    return None


async def _provider_page(request: Request, user: Principal, **extra: Any) -> HTMLResponse:
    prefs = await notifications(request, "GET", "/api/v1/provider/preferences")
    hooks = await notifications(request, "GET", "/api/v1/provider/webhooks")
    log = await notifications(request, "GET", "/api/v1/deliveries", params={"limit": 50})
    times = await notifications(request, "GET", "/api/v1/response-times")
    context = {"prefs": prefs.json() if prefs.ok else None, "hooks": hooks.json() if hooks.ok else [],
               "log": log.json() if log.ok else [], "times": (times.json() or {}).get("providers", []),
               "down": not prefs.ok, "saved": request.query_params.get("saved") == "1", "errors": [], **extra}
    return render(request, "notifications/provider.html", context, user=user,
                  status_code=422 if extra.get("errors") else 200)


@router.get("/meldingen", response_class=HTMLResponse)
async def provider_page(request: Request, user: PortalUser) -> Response:
    return _gate(request, user, Role.PROVIDER) or await _provider_page(request, user)  # type: ignore[arg-type]


@router.post("/meldingen/voorkeuren")
async def save_preferences(request: Request, user: PortalUser) -> Response:
    if (gate := _gate(request, user, Role.PROVIDER)) is not None:
        return gate
    form = await request.form()
    body = {"mode": form.get("mode", "immediate"), "digest_hour": int(str(form.get("digest_hour") or 8)),
            "channels": form.getlist("channels"), "email": form.get("email") or None,
            "language": form.get("language") or None}
    answer = await notifications(request, "PUT", "/api/v1/provider/preferences", json=body)
    if answer.ok:
        return RedirectResponse("/meldingen?saved=1", status_code=303)
    return await _provider_page(request, user, errors=answer.errors(), form=body)  # type: ignore[arg-type]


@router.post("/meldingen/webhooks")
async def add_webhook(request: Request, user: PortalUser, url: Text, description: Text = "") -> Response:
    if (gate := _gate(request, user, Role.PROVIDER)) is not None:
        return gate
    answer = await notifications(request, "POST", "/api/v1/provider/webhooks",
                                 json={"url": url, "description": description})
    if answer.ok:
        return await _provider_page(request, user, created=answer.json())  # type: ignore[arg-type]
    return await _provider_page(request, user, errors=answer.errors())  # type: ignore[arg-type]


@router.post("/meldingen/webhooks/{subscription_id}/verwijderen")
async def delete_webhook(request: Request, subscription_id: str, user: PortalUser) -> Response:
    if (gate := _gate(request, user, Role.PROVIDER)) is not None:
        return gate
    await notifications(request, "DELETE", f"/api/v1/provider/webhooks/{subscription_id}")
    return RedirectResponse("/meldingen", status_code=303)


def _desk_of(user: Principal, wanted: str | None) -> str:
    return wanted if wanted in user.desk_ids else (user.desk_ids[0] if user.desk_ids else "")


@router.get("/loket/meldingen", response_class=HTMLResponse)
async def desk_page(request: Request, user: PortalUser, desk: str | None = None,
                    request_id: str | None = None) -> Response:
    if (gate := _gate(request, user, Role.DESK)) is not None:
        return gate
    assert user is not None
    desk_id = _desk_of(user, desk)
    worklist = await notifications(request, "GET", f"/api/v1/desk/{desk_id}/overdue")
    letters = await notifications(request, "GET", f"/api/v1/desk/{desk_id}/letters")
    times = await notifications(request, "GET", "/api/v1/response-times", params={"desk_id": desk_id})
    proof = None
    if request_id:
        found = await notifications(request, "GET", "/api/v1/deliveries",
                                    params={"request_id": request_id.strip(), "desk_id": desk_id})
        proof = found.json() if found.ok else []
    return render(request, "notifications/desk.html", {
        "desk_id": desk_id, "desks": user.desk_ids, "worklist": worklist.json() if worklist.ok else [],
        "letters": letters.json() if letters.ok else [], "times": (times.json() or {}).get("providers", []),
        "proof": proof, "request_id": request_id or "", "down": not worklist.ok}, user=user)


@router.post("/loket/meldingen/{desk_id}/werklijst/{escalation_id}")
async def resolve(request: Request, desk_id: str, escalation_id: str, user: PortalUser) -> Response:
    if (gate := _gate(request, user, Role.DESK)) is not None:
        return gate
    await notifications(request, "POST", f"/api/v1/desk/{desk_id}/overdue/{escalation_id}/resolve")
    return RedirectResponse(f"/loket/meldingen?desk={desk_id}", status_code=303)


@router.get("/loket/meldingen/{desk_id}/brieven/{delivery_id}", response_class=HTMLResponse)
async def letter(request: Request, desk_id: str, delivery_id: str, user: PortalUser) -> Response:
    if (gate := _gate(request, user, Role.DESK)) is not None:
        return gate
    found = await notifications(request, "GET", f"/api/v1/desk/{desk_id}/letters/{delivery_id}")
    if not found.ok:
        return render(request, "notifications/forbidden.html", {}, user=user, status_code=found.status)
    body = found.json()
    contact = await call(request, "intake", "GET", f"/api/v1/requests/{body['request_id']}/contact")
    return render(request, "notifications/letter.html", {
        "letter": body, "desk_id": desk_id, "address": address_lines(contact.json() if contact.ok else None)},
        user=user)


@router.post("/loket/meldingen/{desk_id}/brieven/{delivery_id}/verstuurd")
async def letter_sent(request: Request, desk_id: str, delivery_id: str, user: PortalUser) -> Response:
    if (gate := _gate(request, user, Role.DESK)) is not None:
        return gate
    await notifications(request, "POST", f"/api/v1/desk/{desk_id}/letters/{delivery_id}/printed")
    return RedirectResponse(f"/loket/meldingen?desk={desk_id}", status_code=303)


@router.get("/loket/meldingen/{desk_id}/leveringen.csv")
async def proof_csv(request: Request, desk_id: str, user: PortalUser, request_id: str = "") -> Response:
    if (gate := _gate(request, user, Role.DESK)) is not None:
        return gate
    params = {"desk_id": desk_id, "format": "csv", "limit": 5000, **({"request_id": request_id} if request_id else {})}
    answer = await notifications(request, "GET", "/api/v1/deliveries", params=params)
    return Response(answer.response.content if answer.response is not None else b"", status_code=answer.status,
                    media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="bewijs-van-melding.csv"'})
