"""Tokens from the built-in identity provider, as the tests' callers would get them."""

from __future__ import annotations

import httpx

from infra.local.stack import LocalStack


async def password_token(http: httpx.AsyncClient, system: LocalStack, username: str) -> dict[str, str]:
    """An Authorization header for a demo account (password grant; outside production only)."""
    answer = await http.post(f"{system.url('identity')}/token",
                             data={"grant_type": "password", "username": username, "password": "demo"})
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}
