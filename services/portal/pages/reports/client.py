"""Calls from the portal to the reporting service, as the signed-in user, in the page language."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.i18n import page_language
from services.portal.rendering import render
from services.portal.session import user_token
from services.runtime.auth import Principal, Role
from services.runtime.logs import correlation_id_var


class ReportingError(Exception):
    """The reporting service said no: its message is already in the reader's language."""

    def __init__(self, status: int, message: str, fields: dict[str, str]) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields


async def call(request: Request, method: str, path: str, **kwargs: Any) -> httpx.Response:
    settings = request.app.state.settings
    headers = {"Authorization": f"Bearer {user_token(request) or ''}", "Accept-Language": page_language(request)}
    if correlation_id_var.get():
        headers["X-Correlation-ID"] = correlation_id_var.get() or ""
    async with httpx.AsyncClient(base_url=settings.url_of("reporting"), timeout=30) as http:
        response = await http.request(method, path, headers=headers, **kwargs)
    if response.status_code >= 400:
        try:
            error = response.json()["error"]
        except (ValueError, KeyError, TypeError):
            error = {"message": response.text[:200]}
        fields = {f["field"]: f["message"] for f in error.get("fields", [])}
        raise ReportingError(response.status_code, str(error.get("message", "")), fields)
    return response


def gate(request: Request, user: Principal | None, *roles: Role) -> Response | None:
    """A sign-in redirect or a refusal page, or None when *user* may see this page."""
    if user is None:
        return RedirectResponse(f"/auth/login?next={request.url.path}", status_code=303)
    if user.role not in roles:
        return render(request, "reports/refused.html", {}, user=user, status_code=403)
    return None


def file_response(response: httpx.Response) -> Response:
    keep = {k: v for k, v in response.headers.items() if k.lower() in ("content-type", "content-disposition")}
    return Response(response.content, headers=keep)


def page(request: Request, template: str, context: dict[str, Any], user: Principal,
         status_code: int = 200) -> HTMLResponse:
    return render(request, template, context, user=user, status_code=status_code)
