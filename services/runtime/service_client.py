"""Calls from one service to another's HTTP API with a service token and the correlation id."""

from __future__ import annotations

import time
from typing import Any

import httpx

from services.identity.accounts import client_secret
from services.runtime.logs import correlation_id_var
from services.runtime.settings import ServiceSettings


class ServiceTokens:
    """Client-credentials token of this service, renewed a minute before it expires."""

    def __init__(self, settings: ServiceSettings) -> None:
        self._settings = settings
        self._token = ""
        self._expires = 0.0

    async def token(self) -> str:
        if time.time() < self._expires - 60:
            return self._token
        secret = self._settings.oidc_client_secret or client_secret(self._settings.service)
        async with httpx.AsyncClient(timeout=5) as http:
            response = await http.post(
                f"{self._settings.oidc_issuer.rstrip('/')}/token",
                data={"grant_type": "client_credentials", "client_id": self._settings.oidc_client_id
                      or self._settings.service, "client_secret": secret},
            )
            response.raise_for_status()
        body = response.json()
        self._token = body["access_token"]
        self._expires = time.time() + float(body.get("expires_in", 300))
        return self._token


class ServiceClient:
    """An HTTP client for another service that authenticates as this service."""

    def __init__(self, settings: ServiceSettings, target: str, *, timeout: float = 10) -> None:
        self._tokens = ServiceTokens(settings)
        self._http = httpx.AsyncClient(base_url=settings.url_of(target), timeout=timeout)

    async def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        headers["Authorization"] = f"Bearer {await self._tokens.token()}"
        cid = correlation_id_var.get()
        if cid:
            headers.setdefault("X-Correlation-ID", cid)
        return await self._http.request(method, path, headers=headers, **kwargs)

    async def close(self) -> None:
        await self._http.aclose()
