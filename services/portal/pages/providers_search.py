"""Public pages for families: search childcare and read one location, without a map or an account."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from contracts import municipalities
from services.portal.pages.providers_client import call_offer
from services.portal.rendering import render
from services.portal.session import PortalUser

router = APIRouter()
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FILTERS = ("near", "max_km", "free_from", "opens_by", "closes_after", "kind", "ikt", "atypical_hours",
           "specific_care")


def municipality_choices() -> list[tuple[str, str]]:
    return sorted(((m.nis_code, m.name_nl if m.name_nl == m.name_fr else f"{m.name_nl} / {m.name_fr}")
                   for m in municipalities.all_municipalities().values()), key=lambda item: item[1].casefold())


def search_params(request: Request) -> dict[str, Any]:
    """The form's answers as the offer API wants them; empty fields left out."""
    query = request.query_params
    params: dict[str, Any] = {name: query[name] for name in FILTERS if query.get(name)}
    days = [day for day in query.getlist("weekdays") if day in WEEKDAYS]
    if days:
        params["weekdays"] = ",".join(days)
    return params


@router.get("/opvang", response_class=HTMLResponse, include_in_schema=False)
async def search_page(request: Request, user: PortalUser) -> HTMLResponse:
    params = search_params(request)
    searched = "zoek" in request.query_params
    results: dict[str, Any] | None = None
    errors: dict[str, str] = {}
    if searched:
        answer = await call_offer(request, "GET", "/api/v1/locations", params=params)
        if answer.ok:
            results = answer.body
        else:
            errors = answer.field_errors or {"": answer.message}
    form = {**params, "weekdays": params.get("weekdays", "").split(",")}
    return render(request, "providers/search.html", {
        "form": form, "results": results, "errors": errors, "weekdays": WEEKDAYS,
        "municipalities": municipality_choices(),
    }, user=user, status_code=422 if errors else 200)


@router.get("/opvang/{location_id}", response_class=HTMLResponse, include_in_schema=False)
async def location_page(request: Request, location_id: str, user: PortalUser) -> HTMLResponse:
    answer = await call_offer(request, "GET", f"/api/v1/locations/{location_id}")
    if answer.status == 404:
        return render(request, "providers/not_found.html", {}, user=user, status_code=404)
    location = answer.body
    hours = {h["weekday"]: h for h in location["opening_hours"]}
    return render(request, "providers/location.html", {"location": location, "hours": hours, "weekdays": WEEKDAYS},
                  user=user)
