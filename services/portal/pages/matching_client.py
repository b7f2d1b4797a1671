"""How the matching pages talk to the services: the user's own token, the page's language.

Location names come from offer (matching knows locations by id only).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import Any

import httpx
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse

from services.portal.i18n import page_language, translator
from services.portal.rendering import render
from services.portal.session import user_token
from services.runtime.auth import Principal


class Answer:
    def __init__(self, response: httpx.Response) -> None:
        self.status = response.status_code
        self.body: Any = response.json() if response.content else None

    @property
    def ok(self) -> bool:
        return self.status < 400

    @property
    def error(self) -> str:
        if isinstance(self.body, dict) and "error" in self.body:
            return str(self.body["error"].get("message", ""))
        return ""


async def call(request: Request, method: str, path: str, **kwargs: Any) -> Answer:
    settings = request.app.state.settings
    headers = {"Accept-Language": page_language(request)}
    token = user_token(request)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    async with httpx.AsyncClient(base_url=settings.url_of("matching"), timeout=30) as http:
        return Answer(await http.request(method, path, headers=headers, **kwargs))


def location_ids_in(payload: Any) -> set[str]:
    """Every ``location_id`` anywhere in an answer of matching (proposals, decisions, round matches)."""
    found: set[str] = set()
    if isinstance(payload, dict):
        if isinstance(payload.get("location_id"), str):
            found.add(payload["location_id"])
        for value in payload.values():
            found |= location_ids_in(value)
    elif isinstance(payload, list):
        for item in payload:
            found |= location_ids_in(item)
    return found


async def location_names(request: Request, ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """location_id -> {name, provider_id} for the locations a page shows, from offer's public location
    page (the search is paged and would miss most of Flanders). Unknown or offer down: left out."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}

    async def one(http: httpx.AsyncClient, location_id: str) -> tuple[str, dict[str, str]] | None:
        try:
            answer = await http.get(f"/api/v1/locations/{location_id}")
            row = answer.json() if answer.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            return None
        if not isinstance(row, dict):
            return None
        return location_id, {"name": str(row.get("name", "")), "provider_id": str(row.get("provider_id", ""))}

    async with httpx.AsyncClient(base_url=request.app.state.settings.url_of("offer"), timeout=10) as http:
        rows = await asyncio.gather(*(one(http, location_id) for location_id in wanted))
    return dict(row for row in rows if row is not None)


async def own_locations(request: Request) -> list[dict[str, str]]:
    """The signed-in provider's own locations (all desks), by name; empty when offer cannot answer."""
    answer: list[Any] = []
    token = user_token(request)
    try:
        async with httpx.AsyncClient(base_url=request.app.state.settings.url_of("offer"), timeout=10) as http:
            response = await http.get("/api/v1/provider/locations", headers={"Authorization": f"Bearer {token}"})
            answer = response.json() if response.status_code == 200 else []
    except (httpx.HTTPError, ValueError):
        return []
    rows = [{"location_id": str(r["location_id"]), "name": str(r.get("name", ""))}
            for r in answer if isinstance(r, dict) and r.get("location_id")]
    return sorted(rows, key=lambda r: r["name"])


def code_text(lang: str) -> Callable[[str], str]:
    """Translate a reason or status code, with its detail: ``ranked_preference:2``, ``note:no_free_place``."""
    t = translator(lang)

    def text(code: str) -> str:
        name, _, detail = str(code).partition(":")
        if name == "note":
            detail = t(f"mc_{detail}")
        translated: str = t(f"mc_{name}", detail=detail)
        return name if translated == f"mc_{name}" else translated

    return text


def page(request: Request, template: str, context: dict[str, Any], user: Principal,
         status_code: int = 200) -> HTMLResponse:
    lang = page_language(request)
    return render(request, template, {"code": code_text(lang), **context}, user=user, status_code=status_code)


def sign_in(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/auth/login?next={request.url.path}", status_code=303)
