"""The portal's calls to the offer service, with the signed-in user's token and language.

Offer answers errors already translated (``Accept-Language``); pages show them as they come.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import Request
from fastapi.responses import RedirectResponse

from services.portal.i18n import page_language
from services.portal.session import user_token


@dataclass
class OfferAnswer:
    status: int
    body: Any
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def message(self) -> str:
        error = self.body.get("error", {}) if isinstance(self.body, dict) else {}
        return str(error.get("message", ""))

    @property
    def field_errors(self) -> dict[str, str]:
        error = self.body.get("error", {}) if isinstance(self.body, dict) else {}
        return {f.get("field", ""): f.get("message", "") for f in error.get("fields", [])}


async def call_offer(request: Request, method: str, path: str, **kwargs: Any) -> OfferAnswer:
    """One call to offer as the signed-in user (or anonymously for public pages)."""
    headers = dict(kwargs.pop("headers", {}) or {})
    headers["Accept-Language"] = page_language(request)
    headers["X-Forwarded-For"] = request.client.host if request.client else "unknown"  # offer's rate limit
    token = user_token(request)
    if token:
        headers["Authorization"] = f"Bearer {token}"
    cid = request.headers.get("x-correlation-id")
    if cid:
        headers["X-Correlation-ID"] = cid
    base = request.app.state.settings.url_of("offer")
    async with httpx.AsyncClient(base_url=base, timeout=20) as http:
        response = await http.request(method, path, headers=headers, **kwargs)
    kind = response.headers.get("content-type", "")
    body = response.json() if kind.startswith("application/json") else None
    return OfferAnswer(response.status_code, body, response.content, dict(response.headers))


def sign_in_first(request: Request) -> RedirectResponse:
    return RedirectResponse(f"/auth/login?next={request.url.path}", status_code=303)
