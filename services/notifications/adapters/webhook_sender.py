"""POSTs signed webhook messages to providers' software (real HTTP, short timeouts, no redirects)."""

from __future__ import annotations

import httpx

from services.notifications.adapters.mailer import SendResult
from services.notifications.domain.signing import signed_headers


class WebhookSender:
    def __init__(self, *, timeout: float = 10) -> None:
        self._http = httpx.AsyncClient(timeout=timeout, follow_redirects=False)

    async def post(self, url: str, secret: str, msg_id: str, timestamp: int, body: bytes) -> SendResult:
        headers = signed_headers(secret, msg_id, timestamp, body)
        headers["user-agent"] = "Opvangloket-Webhooks/1"
        try:
            response = await self._http.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return SendResult(False, f"unreachable: {type(exc).__name__}")
        if 200 <= response.status_code < 300:
            return SendResult(True, f"HTTP {response.status_code}")
        return SendResult(False, f"HTTP {response.status_code}")

    async def close(self) -> None:
        await self._http.aclose()
