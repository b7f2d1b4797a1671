"""Provider tools: API keys (shown once), import and export of the location sheet, allocations to confirm."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.pages.providers_client import call_offer, sign_in_first
from services.portal.pages.providers_offer import is_provider
from services.portal.rendering import render
from services.portal.session import PortalUser

router = APIRouter()


async def keys_context(request: Request) -> dict[str, Any]:
    keys = await call_offer(request, "GET", "/api/v1/provider/api-keys")
    locations = await call_offer(request, "GET", "/api/v1/provider/locations")
    return {"keys": keys.body if keys.ok else [], "locations": locations.body if locations.ok else [],
            "new_key": None, "message": "" if keys.ok else keys.message}


@router.get("/aanbieder/api-sleutels", response_class=HTMLResponse, include_in_schema=False)
async def keys_page(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    return render(request, "providers/keys.html", await keys_context(request), user=user)


@router.post("/aanbieder/api-sleutels", response_class=HTMLResponse, include_in_schema=False)
async def keys_action(request: Request, user: PortalUser) -> Response:
    """Create, rotate or revoke; a new key is shown on this answer only (never stored by the portal)."""
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    key_id, action = str(form.get("key_id") or ""), str(form.get("action") or "create")
    if action == "revoke":
        answer = await call_offer(request, "DELETE", f"/api/v1/provider/api-keys/{key_id}")
    elif action == "rotate":
        answer = await call_offer(request, "POST", f"/api/v1/provider/api-keys/{key_id}/rotate", json={})
    else:
        answer = await call_offer(request, "POST", "/api/v1/provider/api-keys", json={
            "label": str(form.get("label") or "").strip(), "location_ids": form.getlist("location_ids")})
    context = await keys_context(request)
    context["new_key"] = answer.body if answer.ok and "api_key" in (answer.body or {}) else None
    context["message"] = "" if answer.ok else answer.message
    response = render(request, "providers/keys.html", context, user=user,
                      status_code=200 if answer.ok else answer.status)
    response.headers["Cache-Control"] = "no-store"  # the page may hold a secret
    return response


@router.get("/aanbieder/import-export", response_class=HTMLResponse, include_in_schema=False)
async def sheets_page(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    return render(request, "providers/sheets.html", {"result": None, "rows": [], "message": ""}, user=user)


@router.get("/aanbieder/export.{fmt}", include_in_schema=False)
async def download(request: Request, fmt: str, user: PortalUser) -> Response:
    if not is_provider(user) or fmt not in ("csv", "xlsx"):
        return sign_in_first(request)
    answer = await call_offer(request, "GET", "/api/v1/provider/export", params={"format": fmt})
    return Response(answer.content, status_code=answer.status, media_type=answer.headers.get("content-type"),
                    headers={"Content-Disposition": answer.headers.get("content-disposition", "")})


@router.post("/aanbieder/import-export", response_class=HTMLResponse, include_in_schema=False)
async def upload(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    upload = form.get("file")
    content = await upload.read() if upload is not None and not isinstance(upload, str) else b""
    name = getattr(upload, "filename", "") or ""
    answer = await call_offer(request, "POST", "/api/v1/provider/import", content=content, params={
        "dry_run": "true" if form.get("dry_run") else "false", "format": "xlsx" if name.endswith(".xlsx") else "csv"})
    error = answer.body.get("error", {}) if isinstance(answer.body, dict) else {}
    return render(request, "providers/sheets.html", {
        "result": answer.body if answer.ok else None, "rows": error.get("rows", []), "message": answer.message,
    }, user=user, status_code=200 if answer.ok else answer.status)


async def allocations_context(request: Request, message: str = "") -> dict[str, Any]:
    allocations = await call_offer(request, "GET", "/api/v1/provider/allocations")
    locations = await call_offer(request, "GET", "/api/v1/provider/locations")
    names = {loc["location_id"]: loc["name"] for loc in (locations.body if locations.ok else [])}
    return {"allocations": allocations.body if allocations.ok else [], "names": names,
            "ok": request.query_params.get("ok"), "message": message}


@router.get("/aanbieder/toewijzingen", response_class=HTMLResponse, include_in_schema=False)
async def allocations_page(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    return render(request, "providers/allocations.html", await allocations_context(request), user=user)


@router.post("/aanbieder/toewijzingen/{allocation_id}", include_in_schema=False)
async def confirm(request: Request, allocation_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    answer = await call_offer(request, "POST", f"/api/v1/provider/allocations/{allocation_id}/confirm",
                              json={"last_day": str(form.get("last_day") or "") or None})
    if answer.ok:
        return RedirectResponse("/aanbieder/toewijzingen?ok=1", status_code=303)
    return render(request, "providers/allocations.html", await allocations_context(request, answer.message),
                  user=user, status_code=answer.status)
