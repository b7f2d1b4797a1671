"""A provider's software in this process: receives the signed webhooks and notes when each arrived.

Latency is measured on one clock (this process's monotonic clock): the moment the registration
POST left, and the moment the webhook naming that request came in.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request, Response

from infra.local.serving import serving
from services.notifications.domain.signing import verify


class WebhookLog:
    """First arrival per request id, and how many signatures did not verify."""

    def __init__(self) -> None:
        self.secret = ""
        self.arrived: dict[str, float] = {}
        self.arrived_wall: dict[str, float] = {}
        self.bad_signatures = 0
        self.received = 0
        self._arrival = asyncio.Event()

    async def wait_for(self, request_ids: set[str], timeout: float) -> None:
        """Until a webhook came for every one of *request_ids*, or *timeout* seconds passed."""
        deadline = time.monotonic() + timeout
        while request_ids - self.arrived.keys() and time.monotonic() < deadline:
            self._arrival.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrival.wait(), timeout=max(deadline - time.monotonic(), 0.0))

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hooks")
        async def hook(request: Request) -> Response:
            at, wall = time.monotonic(), time.time()
            body = await request.body()
            self.received += 1
            headers = {k.lower(): v for k, v in request.headers.items()}
            if not verify(self.secret, headers, body, now=int(time.time())):
                self.bad_signatures += 1
            data = json.loads(body).get("data", {})
            for item in data.get("items", [data]):
                request_id = item.get("request_id")
                if request_id:
                    self.arrived.setdefault(str(request_id), at)
                    self.arrived_wall.setdefault(str(request_id), wall)
            self._arrival.set()
            return Response(status_code=204)

        return app


@contextlib.asynccontextmanager
async def receiving(log: WebhookLog) -> AsyncIterator[str]:
    """Serve the receiver on a free port in this event loop; yields its URL."""
    async with serving(log.app(), what="the webhook receiver") as base:
        yield f"{base}/hooks"
