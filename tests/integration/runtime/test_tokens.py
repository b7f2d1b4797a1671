"""Tokens from the built-in identity provider are verified by a service exactly as in production."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from infra.local.stack import LocalStack
from services.runtime.auth import Role, TokenVerifier
from services.runtime.settings import load_settings


async def password_token(http: httpx.AsyncClient, system: LocalStack, username: str) -> str:
    answer = await http.post(f"{system.url('identity')}/token",
                             data={"grant_type": "password", "username": username, "password": "demo"})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def verifier(system: LocalStack) -> TokenVerifier:
    return TokenVerifier(load_settings("intake", oidc_issuer=system.url("identity")))


async def test_demo_accounts_carry_their_scope(system: LocalStack, http: httpx.AsyncClient) -> None:
    desk = await verifier(system).verify(await password_token(http, system, "loket.gent"))
    provider = await verifier(system).verify(await password_token(http, system, "zonnebloem"))
    assert desk.role is Role.DESK and len(desk.desk_ids) == 1 and desk.provider_id is None
    assert provider.role is Role.PROVIDER and provider.provider_id and not provider.desk_ids


async def test_service_token_by_client_credentials(system: LocalStack, http: httpx.AsyncClient) -> None:
    answer = await http.post(f"{system.url('identity')}/token", data={
        "grant_type": "client_credentials", "client_id": "matching", "client_secret": "dev-matching-secret"})
    principal = await verifier(system).verify(answer.json()["access_token"])
    assert principal.role is Role.SERVICE and principal.subject == "service:matching"
    refused = await http.post(f"{system.url('identity')}/token", data={
        "grant_type": "client_credentials", "client_id": "matching", "client_secret": "wrong"})
    assert refused.status_code == 401


def forged(system: LocalStack, **claims: object) -> str:
    key = serialization.load_pem_private_key(
        (Path(system.var) / "identity" / "signing-key.pem").read_bytes(), password=None)
    jwks = httpx.get(f"{system.url('identity')}/.well-known/jwks.json").json()
    now = int(time.time())
    base = {"iss": system.url("identity"), "aud": "opvangloket", "sub": "x", "iat": now, "exp": now + 60,
            "role": "loketmedewerker"}
    base.update(claims)
    return jwt.encode(base, key, algorithm="RS256", headers={"kid": jwks["keys"][0]["kid"]})  # type: ignore[arg-type]


@pytest.mark.parametrize("claims", [
    {"exp": int(time.time()) - 10},
    {"aud": "another-app"},
    {"iss": "https://evil.example"},
])
async def test_expired_or_foreign_tokens_are_refused(system: LocalStack, claims: dict[str, object]) -> None:
    with pytest.raises(jwt.InvalidTokenError):
        await verifier(system).verify(forged(system, **claims))


async def test_tampered_token_is_refused(system: LocalStack, http: httpx.AsyncClient) -> None:
    token = await password_token(http, system, "ouder")
    header, payload, signature = token.split(".")
    tampered = f"{header}.{payload[:-4]}AAAA.{signature}"
    with pytest.raises(jwt.InvalidTokenError):
        await verifier(system).verify(tampered)
    assert (await verifier(system).verify(forged(system))).role is Role.DESK, "a correctly signed token passes"
