"""Parents' personal links: a parent-link token from the identity provider, opened in the portal.

Contract with identity: POST {OIDC_ISSUER}/token with grant_type parent-link, client_id intake, the
pseudonymous subject, the request ids, a lifetime and a locale; the answer is a JWT with role ouder.
"""

from __future__ import annotations

import httpx

from services.identity.accounts import client_secret
from services.runtime.settings import ServiceSettings

PARENT_LINK_GRANT = "urn:opvangloket:grant-type:parent-link"
LINK_LIFETIME_SECONDS = 180 * 24 * 3600


class LinkUnavailable(Exception):
    """The identity provider could not issue a link now (try again later)."""


class LinkIssuer:
    def __init__(self, settings: ServiceSettings, *, lifetime_seconds: int = LINK_LIFETIME_SECONDS) -> None:
        self._settings = settings
        self._lifetime = lifetime_seconds
        self._http: httpx.AsyncClient | None = None  # one client: building one costs a TLS context (~20 ms CPU)

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def token(self, subject: str, request_ids: list[str], locale: str) -> str:
        settings = self._settings
        form = {
            "grant_type": PARENT_LINK_GRANT, "client_id": settings.oidc_client_id or "intake",
            "client_secret": settings.oidc_client_secret or client_secret("intake"), "subject": subject,
            "request_ids": ",".join(request_ids), "lifetime_seconds": str(self._lifetime), "locale": locale,
        }
        try:
            if self._http is None:
                self._http = httpx.AsyncClient(timeout=5)
            response = await self._http.post(f"{settings.oidc_issuer.rstrip('/')}/token", data=form)
        except httpx.HTTPError as exc:
            raise LinkUnavailable(repr(exc)) from exc
        if response.status_code != 200:
            raise LinkUnavailable(f"identity answered {response.status_code}")
        return str(response.json()["access_token"])

    def url(self, token: str) -> str:
        return f"{self._settings.url_of('portal').rstrip('/')}/ouders/link/{token}"
