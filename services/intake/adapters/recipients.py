"""Which providers and locations received a request: asked of matching, which owns distribution.

Contract: GET {MATCHING_URL}/internal/requests/{request_id}/recipients with a service token
-> 200 {"provider_ids": [...], "location_ids": [...]}; 404 when the request was sent nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from services.runtime.errors import AppError
from services.runtime.service_client import ServiceClient
from services.runtime.settings import ServiceSettings


@dataclass(frozen=True)
class Recipients:
    provider_ids: frozenset[str]
    location_ids: frozenset[str]


class RecipientsClient:
    def __init__(self, settings: ServiceSettings) -> None:
        self._client = ServiceClient(settings, "matching", timeout=5)

    async def of(self, request_id: str) -> Recipients:
        try:
            response = await self._client.request("GET", f"/internal/requests/{request_id}/recipients")
        except httpx.HTTPError as exc:
            raise AppError("recipients_unavailable", 503) from exc
        if response.status_code == 404:
            return Recipients(frozenset(), frozenset())
        if response.status_code != 200:
            raise AppError("recipients_unavailable", 503)
        body = response.json()
        return Recipients(frozenset(body.get("provider_ids", ())), frozenset(body.get("location_ids", ())))

    async def close(self) -> None:
        await self._client.close()
