"""Plays the simulated year day by day through the public APIs, with chaos at seeded moments.

Every day: the five bus services' clocks are set to that day (``POST /_test/clock``; the offset
survives a restart); families register or register again; a desk closes a location; providers
read their feeds and propose; families accept, decline, let proposals expire or withdraw. Days on
which nobody acts are skipped. The chaos plan SIGKILLs a service or the broker at the start of a
simulated day and restarts it in the background, while the year goes on against it.
"""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from infra.local.chaos import Chaos
from infra.simulator.actors import Actors
from infra.simulator.api import Api
from infra.simulator.families import Family
from infra.simulator.population import Population
from infra.simulator.provision import World, opening_day, provision
from infra.simulator.truth import GroundTruth

CLOCKED = ("intake", "offer", "matching", "notifications", "reporting")
Progress = Callable[[date, dict[str, int]], None]


@dataclass(frozen=True)
class ChaosPlan:
    kills: tuple[tuple[date, str, float], ...]  # (simulated day, target, seconds down)

    @classmethod
    def draw(cls, population: Population, seed: int, rounds: int, targets: tuple[str, ...]) -> ChaosPlan:
        """Every target *rounds* times, in a shuffled order, on days spread over the year."""
        rng = random.Random(seed)
        order = [t for _ in range(rounds) for t in rng.sample(targets, len(targets))]
        span = (population.cutoff - population.start).days
        days = sorted(population.start + timedelta(days=rng.randrange(20, span - 20)) for _ in order)
        return cls(tuple((day, target, round(rng.uniform(0.2, 2.0), 2))
                         for day, target in zip(days, order, strict=True)))


@dataclass
class Driver:
    api: Api
    population: Population
    accounts_file: Path
    chaos: Chaos | None = None
    plan: ChaosPlan = ChaosPlan(())
    progress: Progress | None = None
    truth: GroundTruth = field(default_factory=GroundTruth)
    world: World = field(default_factory=World)
    restarts: list[asyncio.Task[None]] = field(default_factory=list)

    async def set_clocks(self, day: date) -> None:
        moment = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC).isoformat()
        await asyncio.gather(*(self.api.request("POST", s, "/_test/clock", json={"now": moment}, key=None)
                               for s in CLOCKED))

    async def play(self) -> GroundTruth:
        population = self.population
        await self.set_clocks(opening_day(population))
        await provision(self.api, population, self.accounts_file, self.world)
        actors = Actors(self.api, population, self.world, self.truth, population.seed + 1)
        registering: dict[date, list[Family]] = defaultdict(list)
        again: dict[date, list[Family]] = defaultdict(list)
        leaving: dict[date, list[Family]] = defaultdict(list)
        for family in population.families:
            registering[family.registered_on].append(family)
            if family.duplicate_after is not None:
                again[family.registered_on + timedelta(days=family.duplicate_after)].append(family)
            if family.withdraw_after is not None:
                leaving[family.registered_on + timedelta(days=family.withdraw_after)].append(family)
        closures = set(population.closures)
        kills: dict[date, list[tuple[str, float]]] = defaultdict(list)
        for day, target, down in self.plan.kills:
            kills[day].append((target, down))
        day, last_read = population.start, date.min
        while day <= population.cutoff:
            children = list(actors.children.values())
            proposing = [c for c in children if c.next_proposal_on is not None and c.next_proposal_on <= day]
            answering = [c for c in children if c.pending is not None and (
                c.pending.answer_on <= day if c.pending.decision != "expire" else c.pending.answer_due < day)]
            busy = registering[day] or again[day] or leaving[day] or day in closures or proposing or answering
            if kills[day] and self.chaos is not None:
                for target, down in kills[day]:
                    self.restarts.append(asyncio.create_task(self.chaos.kill_and_restart(target, down)))
            if busy or day == population.cutoff:
                await self.set_clocks(day)
                for family in registering[day]:
                    await actors.register(family, day)
                for family in again[day]:
                    if all(self.truth.requests[c.request_id].open and not self.truth.requests[c.request_id].proposals
                           for c in children if c.family.key == family.key):
                        await actors.register_again(family)
                if day in closures:
                    await actors.close_a_location(day)
                unknown = any(not actors.feeds.told.get(c.request_id) for c in proposing)
                if unknown and (day - last_read).days >= population.scale.feed_every_days:
                    await actors.read_feeds()
                    last_read = day
                if proposing:
                    for child in proposing:
                        await actors.propose(child, day)
                for child in answering:
                    await actors.answer(child, day)
                for family in leaving[day]:
                    for child in [c for c in actors.children.values() if c.family.key == family.key]:
                        await actors.withdraw(child)
            if self.progress:
                self.progress(day, {**self.truth.summary(), "kills": len(self.chaos.events) if self.chaos else 0})
            day += timedelta(days=1)
        await asyncio.gather(*self.restarts)
        return self.truth
