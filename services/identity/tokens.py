"""Claims of the tokens this provider issues, per kind of caller."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from typing import Any

from infra.demo.data import DemoAccount

USER_TOKEN_SECONDS = 3600
SERVICE_TOKEN_SECONDS = 900
LINK_TOKEN_MAX_SECONDS = 400 * 24 * 3600


def _base(issuer: str, audience: str, subject: str, lifetime: int) -> dict[str, Any]:
    now = int(time.time())
    return {"iss": issuer, "aud": audience, "sub": subject, "iat": now, "nbf": now - 5,
            "exp": now + lifetime, "jti": uuid.uuid4().hex}


def account_claims(issuer: str, audience: str, account: DemoAccount) -> dict[str, Any]:
    claims = _base(issuer, audience, account.subject, USER_TOKEN_SECONDS)
    claims.update(role=account.role, name=account.name, desk_ids=list(account.desk_ids),
                  provider_id=account.provider_id, locale=account.locale, preferred_username=account.username)
    if account.email:
        claims["email"] = account.email
    return claims


def service_claims(issuer: str, audience: str, client_id: str) -> dict[str, Any]:
    claims = _base(issuer, audience, f"service:{client_id}", SERVICE_TOKEN_SECONDS)
    claims.update(role="service", name=client_id)
    return claims


def parent_link_claims(
    issuer: str, audience: str, subject: str, request_ids: list[str], lifetime: int, locale: str
) -> dict[str, Any]:
    claims = _base(issuer, audience, subject, min(lifetime, LINK_TOKEN_MAX_SECONDS))
    claims.update(role="ouder", request_ids=request_ids, locale=locale, name="")
    return claims


def api_key_claims(issuer: str, audience: str, key_id: str, provider_id: str,
                   location_ids: Sequence[str] = ()) -> dict[str, Any]:
    """A key scoped to some locations gives a token scoped to them (every service checks the claim)."""
    claims = _base(issuer, audience, f"apikey:{key_id}", USER_TOKEN_SECONDS)
    claims.update(role="organisator", provider_id=provider_id, name=f"API key {key_id}")
    if location_ids:
        claims["location_ids"] = sorted(location_ids)
    return claims
