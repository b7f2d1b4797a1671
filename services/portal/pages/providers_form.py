"""The location form of a provider: publish a new location or change one, checked by offer itself."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.pages.providers_client import call_offer, sign_in_first
from services.portal.pages.providers_offer import WEEKDAYS, is_provider
from services.portal.pages.providers_search import municipality_choices
from services.portal.rendering import render
from services.portal.session import PortalUser

router = APIRouter()
TEXT = ("name", "external_ref", "street", "postal_code", "city", "nis_code", "kind", "atypical_note", "phone",
        "email", "website")


def body_of(form: Any) -> dict[str, Any]:
    """The form as offer's LocationDetails; text that is not a number goes as is, so offer says what is wrong."""
    body: dict[str, Any] = {name: str(form.get(name) or "").strip() for name in TEXT}
    body["external_ref"] = body["external_ref"] or None
    for name in ("latitude", "longitude"):
        raw = str(form.get(name) or "").strip().replace(",", ".")
        if raw:
            body[name] = raw
    for name in ("age_min_months", "age_max_months"):
        body[name] = str(form.get(name) or "").strip() or None
    body = {k: v for k, v in body.items() if v is not None}
    body["capacity_per_weekday"] = {d: str(form.get(f"cap_{d}") or "0").strip() for d in WEEKDAYS}
    body["opening_hours"] = [{"weekday": d, "opens": form.get(f"opens_{d}"), "closes": form.get(f"closes_{d}")}
                             for d in WEEKDAYS if form.get(f"opens_{d}") and form.get(f"closes_{d}")]
    for flag in ("atypical_hours", "ikt", "specific_care"):
        body[flag] = form.get(flag) == "on"
    body["languages"] = [part for part in str(form.get("languages") or "nl").replace(",", " ").split() if part]
    return body


def form_values(location: dict[str, Any]) -> dict[str, Any]:
    values = {name: location.get(name) or "" for name in TEXT}
    values.update(latitude=location.get("latitude") or "", longitude=location.get("longitude") or "",
                  age_min_months=location.get("age_min_months", 0), age_max_months=location.get("age_max_months", 36),
                  atypical_hours=location.get("atypical_hours"), ikt=location.get("ikt"),
                  specific_care=location.get("specific_care"), languages=" ".join(location.get("languages", ["nl"])))
    for day in WEEKDAYS:
        values[f"cap_{day}"] = location.get("capacity_per_weekday", {}).get(day, 0)
    for hours in location.get("opening_hours", []):
        values[f"opens_{hours['weekday']}"] = str(hours["opens"])[:5]
        values[f"closes_{hours['weekday']}"] = str(hours["closes"])[:5]
    return values


def show(request: Request, user: Any, values: dict[str, Any], action: str, *, errors: dict[str, str] | None = None,
         message: str = "", status_code: int = 200) -> HTMLResponse:
    return render(request, "providers/form.html", {
        "values": values, "action": action, "errors": errors or {}, "message": message, "weekdays": WEEKDAYS,
        "municipalities": municipality_choices()}, user=user, status_code=status_code)


@router.get("/aanbieder/locaties/nieuw", response_class=HTMLResponse, include_in_schema=False)
async def new_form(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    return show(request, user, form_values({"kind": "groepsopvang", "ikt": True}), "/aanbieder/locaties/nieuw")


@router.post("/aanbieder/locaties/nieuw", include_in_schema=False)
async def create(request: Request, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    answer = await call_offer(request, "POST", "/api/v1/provider/locations", json=body_of(form))
    if answer.ok:
        return RedirectResponse(f"/aanbieder/locaties/{answer.body['location_id']}?ok=created", status_code=303)
    return show(request, user, dict(form), "/aanbieder/locaties/nieuw", errors=answer.field_errors,
                message=answer.message, status_code=answer.status)


@router.get("/aanbieder/locaties/{location_id}/bewerken", response_class=HTMLResponse, include_in_schema=False)
async def edit_form(request: Request, location_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    mine = await call_offer(request, "GET", f"/api/v1/provider/locations/{location_id}")
    if not mine.ok:
        return render(request, "providers/not_found.html", {}, user=user, status_code=404)
    return show(request, user, form_values(mine.body), f"/aanbieder/locaties/{location_id}/bewerken")


@router.post("/aanbieder/locaties/{location_id}/bewerken", include_in_schema=False)
async def change(request: Request, location_id: str, user: PortalUser) -> Response:
    if not is_provider(user):
        return sign_in_first(request)
    form = await request.form()
    answer = await call_offer(request, "PUT", f"/api/v1/provider/locations/{location_id}", json=body_of(form))
    if answer.ok:
        return RedirectResponse(f"/aanbieder/locaties/{location_id}?ok=changed", status_code=303)
    return show(request, user, dict(form), f"/aanbieder/locaties/{location_id}/bewerken",
                errors=answer.field_errors, message=answer.message, status_code=answer.status)
