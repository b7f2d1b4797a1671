"""The simulator's HTTP client: the public APIs only, retried like good provider software would.

Services are SIGKILLed under our feet, so connection errors, 5xx, 503 and ``409
idempotency_conflict`` are retried with backoff; every POST carries an ``Idempotency-Key`` so a
retry after a lost answer applies once. Tokens come from the identity provider (password grant
for the simulation's accounts) and are renewed on a 401.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from typing import Any

import httpx

RETRY_STATUSES = {500, 502, 503, 504}
PASSWORD = "demo"


class ApiError(RuntimeError):
    pass


class Api:
    def __init__(self, urls: dict[str, str], *, patience: float = 240.0) -> None:
        self.urls = urls
        self.http = httpx.AsyncClient(timeout=30)
        self.patience = patience
        self._tokens: dict[str, tuple[str, float]] = {}
        self.retries = 0
        self.calls = 0
        self.by_kind: Counter[str] = Counter()

    async def close(self) -> None:
        await self.http.aclose()

    async def token(self, username: str, *, fresh: bool = False) -> str:
        cached = self._tokens.get(username)
        if cached and not fresh and cached[1] > time.monotonic():
            return cached[0]
        answer = await self.request("POST", "identity", "/token", data={
            "grant_type": "password", "username": username, "password": PASSWORD}, ok=(200,))
        token = str(answer.json()["access_token"])
        self._tokens[username] = (token, time.monotonic() + int(answer.json()["expires_in"]) - 120)
        return token

    async def request(self, method: str, service: str, path: str, *, user: str | None = None,
                      bearer: str | None = None, json: Any = None, params: dict[str, Any] | None = None,
                      data: dict[str, Any] | None = None, key: str | None = None,
                      ok: tuple[int, ...] = (200, 201)) -> httpx.Response:
        """Call until an answer that is not a transient failure; raise ApiError unless it is in *ok*.

        Answers outside *ok* that are final (4xx) are returned when *ok* is empty.
        """
        deadline = time.monotonic() + self.patience
        delay = 0.2
        if method != "GET" and key is None:
            key = uuid.uuid4().hex
        while True:
            self.calls += 1
            self.by_kind[f"{method} {service} {'/'.join(p for p in path.split('/')[:5] if len(p) < 30)}"] += 1
            headers = {"Accept-Language": "nl"}
            if key:
                headers["Idempotency-Key"] = key
            if user:
                headers["Authorization"] = f"Bearer {await self.token(user)}"
            elif bearer:
                headers["Authorization"] = f"Bearer {bearer}"
            try:
                answer = await self.http.request(method, self.urls[service] + path, json=json, params=params,
                                                 data=data, headers=headers)
            except httpx.TransportError as exc:
                failure = repr(exc)
            else:
                failure = f"{answer.status_code} {answer.text[:300]}"
                if answer.status_code == 401 and user:
                    await self.token(user, fresh=True)
                    continue
                transient = answer.status_code in RETRY_STATUSES or (
                    answer.status_code == 409 and "idempotency_conflict" in answer.text)
                if not transient:
                    if not ok or answer.status_code in ok:
                        return answer
                    raise ApiError(f"{method} {service}{path}: {failure}")
            if time.monotonic() > deadline:
                raise ApiError(f"{method} {service}{path} kept failing: {failure}")
            self.retries += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)

    async def json(self, method: str, service: str, path: str, **kwargs: Any) -> Any:
        return (await self.request(method, service, path, **kwargs)).json()
