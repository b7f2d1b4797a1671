"""How the matching pages talk to the services: the user's own token, the page's language.

Location names come from offer (matching knows locations by id only): see offer_locations.
"""

from __future__ import annotations

from collections.abc import Callable
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
