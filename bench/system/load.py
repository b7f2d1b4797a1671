"""Registrations over intake's public HTTP API: as many as the system takes, or at a steady pace.

Every POST is a valid registration of another family (tests/support/payloads.py). Intake counts
anonymous calls per client address (20 per 10 minutes by default); the bench plays many families,
each from its own address, named in X-Forwarded-For as the trusted front end would: the limiter
runs as in production and is never hit.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from tests.support.payloads import registration

NIS_CODES = ("44021", "44013", "44088", "24062", "24038", "24086")  # both demo desks
_families = itertools.count(1)


def _client_address(index: int) -> str:
    return f"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}"


async def register(http: httpx.AsyncClient, intake: str, nis: str) -> tuple[int, str | None]:
    index = next(_families)
    try:
        answer = await http.post(f"{intake}/api/v1/requests", json=registration(index, home_nis=nis),
                                 headers={"X-Forwarded-For": _client_address(index)})
    except httpx.HTTPError:
        return 0, None
    request_id = answer.json().get("request_id") if answer.status_code == 201 else None
    return answer.status_code, request_id


@dataclass
class Sustained:
    seconds: float
    statuses: Counter[int] = field(default_factory=Counter)

    @property
    def created(self) -> int:
        return self.statuses[201]

    @property
    def rate(self) -> float:
        return self.created / self.seconds if self.seconds else 0.0


async def sustained(intake: str, *, seconds: float, concurrency: int,
                    tick: Callable[[float], None] = lambda _: None) -> Sustained:
    """*concurrency* clients POST back to back for *seconds*; the rate counts 201 answers only."""
    statuses: Counter[int] = Counter()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        started = time.monotonic()
        deadline = started + seconds

        async def client(number: int) -> None:
            nis = itertools.cycle(NIS_CODES[number % len(NIS_CODES):] + NIS_CODES[:number % len(NIS_CODES)])
            while time.monotonic() < deadline:
                status, _ = await register(http, intake, next(nis))
                statuses[status] += 1
                if number == 0:
                    tick(min((time.monotonic() - started) / seconds, 1.0))

        await asyncio.gather(*(client(n) for n in range(concurrency)))
        elapsed = time.monotonic() - started
    return Sustained(elapsed, statuses)


@dataclass
class Paced:
    sent_at: dict[str, float]  # monotonic clock of this process
    sent_wall: dict[str, float]  # the same moments on the wall clock, to compare with event times
    statuses: Counter[int]
    seconds: float
    offered: int
    not_sent: int  # moments when IN_FLIGHT answers were still awaited: the system was not keeping up


IN_FLIGHT = 100  # open connections at most; more only queue inside the client (and make it slow)


async def paced(intake: str, *, rate: float, seconds: float, nis: str,
                tick: Callable[[float], None] = lambda _: None) -> Paced:
    """One registration every 1/*rate* seconds for *seconds*, each on its own (a slow answer does
    not delay the next); notes when each POST left, by the request id it got. When IN_FLIGHT
    registrations are still unanswered, the next one is not sent but counted."""
    sent_at: dict[str, float] = {}
    sent_wall: dict[str, float] = {}
    statuses: Counter[int] = Counter()
    total = max(int(rate * seconds), 1)
    in_flight = 0
    not_sent = 0
    limits = httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=IN_FLIGHT)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:

        async def one() -> None:
            nonlocal in_flight
            left, wall = time.monotonic(), time.time()
            try:
                status, request_id = await register(http, intake, nis)
            finally:
                in_flight -= 1
            statuses[status] += 1
            if request_id:
                sent_at[request_id], sent_wall[request_id] = left, wall

        started = time.monotonic()
        tasks = []
        for index in range(total):
            delay = started + index / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if in_flight >= IN_FLIGHT:
                not_sent += 1
            else:
                in_flight += 1
                tasks.append(asyncio.create_task(one()))
            tick((index + 1) / total)
        await asyncio.gather(*tasks)
        elapsed = time.monotonic() - started
    return Paced(sent_at, sent_wall, statuses, elapsed, total, not_sent)
