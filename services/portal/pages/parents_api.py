"""Calls from the portal's family, referrer and desk pages to intake, matching and offer.

The caller's own token goes along (a signed-in user's, or the family's personal link), the page's
language (so errors come back in it), the family's address for intake's rate limit, and an
``Idempotency-Key`` from the form so that a double click registers nothing twice.
"""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import Request

from services.portal.i18n import page_language
from services.portal.pages import offer_locations
from services.portal.session import user_token
from services.runtime.logs import correlation_id_var

LINK_COOKIE = "opvang_link"


class Unavailable(Exception):
    """The service could not be reached; the page says so and nothing changed."""


def link_token(request: Request) -> str | None:
    return request.cookies.get(LINK_COOKIE)


def caller_token(request: Request) -> str | None:
    """A signed-in user's token first; otherwise the family's personal link."""
    return user_token(request) or link_token(request)


async def call(request: Request, service: str, method: str, path: str, *, token: str | None = None,
               json: Any = None, params: dict[str, Any] | None = None, idempotency_key: str = "") -> httpx.Response:
    settings = request.app.state.settings
    headers = {"Accept-Language": page_language(request),
               "X-Forwarded-For": request.client.host if request.client else "unknown"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    correlation = correlation_id_var.get()
    if correlation:
        headers["X-Correlation-ID"] = correlation
    try:
        async with httpx.AsyncClient(base_url=settings.url_of(service), timeout=10) as http:
            return await http.request(method, path, headers=headers, json=json, params=params)
    except httpx.HTTPError as exc:
        raise Unavailable(service) from exc


async def json_or(request: Request, service: str, path: str, default: Any, *, token: str | None = None,
                  params: dict[str, Any] | None = None) -> Any:
    """GET *path*; *default* when the service is away or answers anything but 200."""
    try:
        answer = await call(request, service, "GET", path, token=token, params=params)
    except Unavailable:
        return default
    return answer.json() if answer.status_code == 200 else default


def _items(payload: Any) -> list[dict[str, Any]]:
    if isinstance(payload, dict):
        payload = payload.get("results") or payload.get("locations") or payload.get("items") or []
    return [item for item in payload if isinstance(item, dict)] if isinstance(payload, list) else []


async def location_options(request: Request, near: str | None = None) -> list[tuple[str, str]]:
    """Locations to rank, from offer's public search (empty when offer cannot answer): the nearest to the
    family's municipality when known, else the first page of the search (at most 200)."""
    params: dict[str, Any] = {"limit": 200}
    if near:
        params.update(near=near, max_km=25)
    found = _items(await json_or(request, "offer", "/api/v1/locations", [], params=params))
    return sorted(((str(i["location_id"]), str(i.get("name") or i["location_id"])) for i in found
                   if "location_id" in i), key=lambda item: item[1].lower())


async def location_names(request: Request, ids: set[str]) -> dict[str, str]:
    """location_id -> name ("" when offer does not know it or cannot answer)."""
    found = await offer_locations.location_names(request, ids)
    return {location_id: found.get(location_id, {}).get("name", "") for location_id in sorted(ids)}
