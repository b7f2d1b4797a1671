"""OpenID Connect endpoints: discovery, JWKS, authorize (login page), token."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from infra.demo.data import ACCOUNTS
from services.identity import tokens
from services.identity.accounts import authenticate_client, check_password, clients, find_account
from services.identity.keys import SigningKey
from services.runtime.settings import ServiceSettings

PARENT_LINK_GRANT = "urn:opvangloket:grant-type:parent-link"
API_KEY_GRANT = "urn:opvangloket:grant-type:api-key"
CODE_SECONDS = 120

templates = Jinja2Templates(directory=str(Path(__file__).parents[1] / "templates"))


@dataclass
class PendingCode:
    username: str
    client_id: str
    redirect_uri: str
    nonce: str
    expires: float


def build_router(settings: ServiceSettings, key: SigningKey, portal_url: str) -> APIRouter:
    router = APIRouter()
    issuer = settings.oidc_issuer.rstrip("/")
    audience = settings.oidc_audience
    registry = clients(portal_url)
    codes: dict[str, PendingCode] = {}

    def token_response(claims: dict[str, Any], *, id_token: bool = False) -> JSONResponse:
        body: dict[str, Any] = {"access_token": key.sign(claims), "token_type": "Bearer",
                                "expires_in": claims["exp"] - claims["iat"]}
        if id_token:
            body["id_token"] = key.sign({**claims, "aud": [audience, "portal"]})
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    def oauth_error(error: str, status: int = 400) -> JSONResponse:
        return JSONResponse({"error": error}, status_code=status)

    @router.get("/.well-known/openid-configuration", tags=["oidc"])
    async def discovery() -> dict[str, Any]:
        return {
            "issuer": issuer,
            "authorization_endpoint": f"{settings.public_url}/authorize",
            "token_endpoint": f"{settings.public_url}/token",
            "jwks_uri": f"{settings.public_url}/.well-known/jwks.json",
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code", "client_credentials", "password",
                                      PARENT_LINK_GRANT, API_KEY_GRANT],
            "id_token_signing_alg_values_supported": ["RS256"],
            "subject_types_supported": ["public"],
        }

    @router.get("/.well-known/jwks.json", tags=["oidc"])
    async def jwks() -> dict[str, Any]:
        return key.jwks()

    @router.get("/authorize", response_class=HTMLResponse, tags=["oidc"])
    async def authorize_form(
        request: Request, client_id: str, redirect_uri: str, state: str = "", nonce: str = "",
        error: str = "",
    ) -> HTMLResponse:
        client = registry.get(client_id)
        if client is None or redirect_uri not in client.redirect_uris:
            return HTMLResponse("Onbekende toepassing of terugkeeradres.", status_code=400)
        return templates.TemplateResponse(request, "login.html", {
            "client_id": client_id, "redirect_uri": redirect_uri, "state": state, "nonce": nonce,
            "accounts": ACCOUNTS if settings.env != "prod" else (), "error": error,
        })

    @router.post("/authorize", tags=["oidc"])
    async def authorize_submit(
        client_id: Annotated[str, Form()], redirect_uri: Annotated[str, Form()],
        username: Annotated[str, Form()], password: Annotated[str, Form()] = "",
        state: Annotated[str, Form()] = "", nonce: Annotated[str, Form()] = "",
    ) -> RedirectResponse:
        client = registry.get(client_id)
        if client is None or redirect_uri not in client.redirect_uris:
            return RedirectResponse("/authorize?error=client", status_code=303)
        account = find_account(username)
        if account is None or not check_password(account, password):
            query = urlencode({"client_id": client_id, "redirect_uri": redirect_uri, "state": state,
                               "nonce": nonce, "error": "1"})
            return RedirectResponse(f"/authorize?{query}", status_code=303)
        code = secrets.token_urlsafe(24)
        codes[code] = PendingCode(username, client_id, redirect_uri, nonce, time.time() + CODE_SECONDS)
        return RedirectResponse(f"{redirect_uri}?{urlencode({'code': code, 'state': state})}", status_code=303)

    @router.post("/token", tags=["oidc"])
    async def token(
        grant_type: Annotated[str, Form()],
        client_id: Annotated[str, Form()] = "", client_secret: Annotated[str, Form()] = "",
        code: Annotated[str, Form()] = "", redirect_uri: Annotated[str, Form()] = "",
        username: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "",
        subject: Annotated[str, Form()] = "", request_ids: Annotated[str, Form()] = "",
        lifetime_seconds: Annotated[int, Form()] = 30 * 24 * 3600, locale: Annotated[str, Form()] = "nl",
        api_key: Annotated[str, Form()] = "",
    ) -> JSONResponse:
        if grant_type == "password":
            account = find_account(username)
            if settings.env == "prod" or account is None or not check_password(account, password):
                return oauth_error("invalid_grant")
            return token_response(tokens.account_claims(issuer, audience, account), id_token=True)
        if grant_type == API_KEY_GRANT:
            return await exchange_api_key(api_key)
        client = authenticate_client(registry, client_id, client_secret)
        if client is None:
            return oauth_error("invalid_client", 401)
        if grant_type == "authorization_code":
            pending = codes.pop(code, None)
            if (pending is None or pending.expires < time.time() or pending.client_id != client_id
                    or pending.redirect_uri != redirect_uri):
                return oauth_error("invalid_grant")
            account = find_account(pending.username)
            assert account is not None
            claims = tokens.account_claims(issuer, audience, account)
            claims["nonce"] = pending.nonce
            return token_response(claims, id_token=True)
        if grant_type == "client_credentials":
            return token_response(tokens.service_claims(issuer, audience, client.client_id))
        if grant_type == PARENT_LINK_GRANT:
            if client.client_id != "intake" or not subject or not request_ids:
                return oauth_error("unauthorized_client", 403)
            ids = [r for r in request_ids.split(",") if r]
            return token_response(tokens.parent_link_claims(issuer, audience, subject, ids,
                                                            lifetime_seconds, locale[:2]))
        return oauth_error("unsupported_grant_type")

    async def exchange_api_key(api_key: str) -> JSONResponse:
        """A provider's software trades its API key for a short-lived token; offer checks the key."""
        if not api_key:
            return oauth_error("invalid_grant")
        service_token = key.sign(tokens.service_claims(issuer, audience, "identity"))
        async with httpx.AsyncClient(timeout=5) as http:
            response = await http.post(
                f"{settings.url_of('offer')}/internal/api-keys/verify", json={"api_key": api_key},
                headers={"Authorization": f"Bearer {service_token}"},
            )
        if response.status_code != 200:
            return oauth_error("invalid_grant")
        found = response.json()
        return token_response(tokens.api_key_claims(issuer, audience, found["key_id"], found["provider_id"],
                                                     found.get("location_ids") or ()))

    return router
