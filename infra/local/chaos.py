"""Chaos for a local stack: SIGKILL services and the broker at random moments, then restart them.

The simulated year (``infra/simulator``) kills at seeded simulated days with ``kill_and_restart``;
``run`` kills at random wall-clock moments. Killing the
embedded broker loses its whole log; the outboxes must republish. Every kill is recorded so that a
run can be explained afterwards.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from infra.local.processes import ManagedProcess
from infra.local.stack import BUS_SERVICES, LocalStack


@dataclass
class ChaosEvent:
    at: float
    target: str
    down_seconds: float


@dataclass
class Chaos:
    stack: LocalStack
    seed: int = 7
    targets: tuple[str, ...] = (*BUS_SERVICES, "tansu")
    min_interval: float = 5.0
    max_interval: float = 15.0
    max_down: float = 2.0
    events: list[ChaosEvent] = field(default_factory=list)

    def process(self, name: str) -> ManagedProcess:
        return self.stack.broker if name == "tansu" else self.stack.services[name]

    async def run(self, stop: asyncio.Event) -> list[ChaosEvent]:
        """Kill and restart one target at a time until *stop* is set: every target once per round,
        in a shuffled order (a plain random choice may never pick some target in a short run)."""
        rng = random.Random(self.seed)
        deck: list[str] = []
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=rng.uniform(self.min_interval, self.max_interval))
                break
            except TimeoutError:
                pass
            deck = deck or rng.sample(self.targets, len(self.targets))
            target = deck.pop()
            down = rng.uniform(0.1, self.max_down)
            await self.kill_and_restart(target, down)
        return self.events

    async def kill_and_restart(self, target: str, down_seconds: float) -> None:
        process = self.process(target)
        started = time.monotonic()
        process.kill()
        await asyncio.sleep(down_seconds)  # the time it stays down is part of the experiment
        await asyncio.to_thread(process.start)
        self.events.append(ChaosEvent(at=started, target=target, down_seconds=down_seconds))
