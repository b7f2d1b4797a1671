"""Sign-in through OpenID Connect (authorization code flow) and sign-out.

The built-in identity provider in development; any OpenID Connect provider in production.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from services.identity.accounts import client_secret
from services.portal.session import TOKEN_COOKIE

router = APIRouter()
STATE_COOKIE = "opvang_oidc_state"


def _callback_url(request: Request) -> str:
    return f"{request.app.state.settings.public_url.rstrip('/')}/auth/callback"


@router.get("/auth/login", include_in_schema=False)
async def login(request: Request, next: str = "/") -> RedirectResponse:
    settings = request.app.state.settings
    state = secrets.token_urlsafe(16)
    query = urlencode({"response_type": "code", "client_id": "portal", "redirect_uri": _callback_url(request),
                       "scope": "openid", "state": state, "nonce": secrets.token_urlsafe(8)})
    response = RedirectResponse(f"{settings.url_of('identity')}/authorize?{query}", status_code=303)
    safe_next = next if next.startswith("/") and not next.startswith("//") else "/"
    response.set_cookie(STATE_COOKIE, f"{state}|{safe_next}", httponly=True, samesite="lax", max_age=600)
    return response


@router.get("/auth/callback", include_in_schema=False)
async def callback(request: Request, code: str = "", state: str = "") -> RedirectResponse:
    settings = request.app.state.settings
    expected, _, next_url = request.cookies.get(STATE_COOKIE, "|/").partition("|")
    if not code or not secrets.compare_digest(expected, state):
        return RedirectResponse("/?login=failed", status_code=303)
    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(f"{settings.url_of('identity')}/token", data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": _callback_url(request),
            "client_id": "portal", "client_secret": settings.oidc_client_secret or client_secret("portal"),
        })
    if answer.status_code != 200:
        return RedirectResponse("/?login=failed", status_code=303)
    response = RedirectResponse(next_url or "/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, answer.json()["access_token"], httponly=True, samesite="lax",
                        secure=settings.public_url.startswith("https"), max_age=3600)
    response.delete_cookie(STATE_COOKIE)
    return response


@router.post("/auth/logout", include_in_schema=False)
async def logout() -> RedirectResponse:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(TOKEN_COOKIE)
    return response
