"""The measured provider: subscribed to a webhook with immediate delivery for the bench, and put
back as it was afterwards (the stack may be shared with other tests)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx

from infra.local.stack import LocalStack

BENCH_PROVIDER = "leuven.kdv"  # the demo provider of the Leuven desk (NIS 24062, 24038, 24086)
BENCH_NIS = "24062"


async def token(http: httpx.AsyncClient, stack: LocalStack, username: str) -> str:
    answer = await http.post(f"{stack.url('identity')}/token",
                             data={"grant_type": "password", "username": username, "password": "demo"})
    answer.raise_for_status()
    return str(answer.json()["access_token"])


@contextlib.asynccontextmanager
async def webhook_provider(http: httpx.AsyncClient, stack: LocalStack, url: str) -> AsyncIterator[str]:
    """Immediate delivery by webhook to *url*; yields the signing secret; restores the preferences."""
    api = f"{stack.url('notifications')}/api/v1/provider"
    headers = {"Authorization": f"Bearer {await token(http, stack, BENCH_PROVIDER)}"}
    before: dict[str, Any] = (await http.get(f"{api}/preferences", headers=headers)).json()
    answer = await http.put(f"{api}/preferences", headers=headers,
                            json={**_settable(before), "mode": "immediate", "channels": ["webhook"]})
    answer.raise_for_status()
    answer = await http.post(f"{api}/webhooks", headers=headers, json={"url": url})
    answer.raise_for_status()
    subscription = answer.json()
    try:
        yield str(subscription["secret"])
    finally:
        await http.delete(f"{api}/webhooks/{subscription['subscription_id']}", headers=headers)
        await http.put(f"{api}/preferences", headers=headers, json=_settable(before))


def _settable(preferences: dict[str, Any]) -> dict[str, Any]:
    keys = ("mode", "digest_hour", "channels", "email", "language")
    return {k: preferences[k] for k in keys if preferences.get(k) is not None}
