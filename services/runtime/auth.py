"""Who is calling: bearer tokens verified by each service itself against the issuer's JWKS.

The same code verifies tokens of the built-in identity provider (embedded default) and of a
production OpenID Connect provider: asymmetric signatures, issuer, audience and expiry checked.
Every principal carries its scope: the desks of a desk worker, the provider of a provider,
the requests a parent's personal link opens.
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Annotated, Any

import httpx
import jwt
from fastapi import Depends, Request
from pydantic import BaseModel

from services.runtime.errors import AppError
from services.runtime.settings import ServiceSettings

ALGORITHMS = ["RS256", "ES256"]


class Role(StrEnum):
    PARENT = "ouder"
    REFERRER = "toeleider"
    DESK = "loketmedewerker"
    PROVIDER = "organisator"
    HUB = "hub"
    OPERATOR = "operator"
    SERVICE = "service"


class Principal(BaseModel):
    """The verified caller and the scope of what it may see."""

    subject: str
    role: Role
    name: str = ""
    desk_ids: tuple[str, ...] = ()
    provider_id: str | None = None
    request_ids: tuple[str, ...] = ()
    location_ids: tuple[str, ...] = ()  # an API key scoped to some locations; empty = all of the provider's
    language: str = "nl"

    def may_see_desk(self, desk_id: str) -> bool:
        return self.role in (Role.SERVICE, Role.OPERATOR) or desk_id in self.desk_ids

    def may_act_for_provider(self, provider_id: str) -> bool:
        return self.role is Role.SERVICE or (self.role is Role.PROVIDER and self.provider_id == provider_id)

    def may_act_for_location(self, provider_id: str, location_id: str) -> bool:
        if not self.may_act_for_provider(provider_id):
            return False
        return self.role is Role.SERVICE or not self.location_ids or location_id in self.location_ids

    def may_see_request(self, request_id: str, desk_id: str) -> bool:
        if self.role is Role.PARENT:
            return request_id in self.request_ids
        return self.may_see_desk(desk_id)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    return Principal(
        subject=str(claims["sub"]),
        role=Role(claims.get("role", "")),
        name=str(claims.get("name", "")),
        desk_ids=tuple(claims.get("desk_ids", ())),
        provider_id=claims.get("provider_id"),
        request_ids=tuple(claims.get("request_ids", ())),
        location_ids=tuple(claims.get("location_ids", ())),
        language=str(claims.get("locale", "nl"))[:2],
    )


class TokenVerifier:
    """Verifies JWTs with keys from the issuer's JWKS, refreshed on an unknown key id."""

    def __init__(self, settings: ServiceSettings, *, cache_seconds: float = 300) -> None:
        self._settings = settings
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._cache_seconds = cache_seconds

    async def _refresh(self) -> None:
        async with httpx.AsyncClient(timeout=5) as client:
            response = await client.get(self._settings.jwks_url)
            response.raise_for_status()
        keys = {}
        for jwk in response.json()["keys"]:
            keys[jwk["kid"]] = jwt.PyJWK(jwk).key
        self._keys = keys
        self._fetched_at = time.monotonic()

    async def _key_for(self, kid: str) -> Any:
        stale = time.monotonic() - self._fetched_at > self._cache_seconds
        if kid not in self._keys or stale:
            await self._refresh()
        if kid not in self._keys:
            raise jwt.InvalidTokenError("unknown signing key")
        return self._keys[kid]

    async def verify(self, token: str) -> Principal:
        header = jwt.get_unverified_header(token)
        key = await self._key_for(str(header.get("kid", "")))
        claims = jwt.decode(
            token,
            key=key,
            algorithms=ALGORITHMS,
            audience=self._settings.oidc_audience,
            issuer=self._settings.oidc_issuer,
            options={"require": ["exp", "iat", "sub", "iss", "aud"]},
        )
        return principal_from_claims(claims)


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return None


async def optional_principal(request: Request) -> Principal | None:
    token = bearer_token(request)
    if not token:
        return None
    verifier: TokenVerifier = request.app.state.token_verifier
    try:
        principal = await verifier.verify(token)
    except (jwt.InvalidTokenError, ValueError, KeyError) as exc:
        raise AppError("unauthenticated", 401) from exc
    request.state.principal = principal
    return principal


async def current_principal(
    principal: Annotated[Principal | None, Depends(optional_principal)],
) -> Principal:
    if principal is None:
        raise AppError("unauthenticated", 401)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]


def require_roles(*roles: Role) -> Any:
    """Dependency: the caller has one of *roles* (service accounts always pass)."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles and principal.role is not Role.SERVICE:
            raise AppError("forbidden", 403)
        return principal

    return Depends(check)
