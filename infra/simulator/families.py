"""One simulated family: what it asks for, when, and how it will behave (drawn from a seeded RNG).

Most families register 6 to 9 months before the wanted start; the wanted start dates spread over
the year (a few fall just outside it, to exercise the year filter). The behaviour is decided up
front — how they will answer successive proposals, whether they withdraw or register twice — so a
seed is one story; what the system makes possible (a free place, an open window) decides the rest.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from contracts.municipalities import Municipality

if TYPE_CHECKING:
    from infra.simulator.population import SimDesk

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
FIRST_NAMES = ("Noor", "Lucas", "Emma", "Louis", "Olivia", "Arthur", "Mila", "Jules", "Lina", "Adam",
               "Marie", "Finn", "Elena", "Victor", "Yasmine", "Mohamed")
ANSWER_PLANS: tuple[tuple[float, tuple[str, ...]], ...] = (
    (0.68, ("accept",)),
    (0.10, ("decline", "accept")),
    (0.08, ("expire", "accept")),
    (0.06, ("decline", "decline", "decline")),
    (0.04, ("expire", "expire")),
    (0.04, ("decline", "expire", "accept")),
)


@dataclass(frozen=True)
class Family:
    key: str
    desk_id: str
    home_nis: str
    registered_on: date
    wanted_start: date
    birth_date: date
    twins: bool
    pattern: tuple[tuple[str, str], ...]  # (weekday, full|morning|afternoon)
    atypical_hours: bool
    specific_care: bool
    ikt: bool
    urgent: bool
    vulnerable: bool
    priority_answers: tuple[str, ...]
    by_desk: bool  # registered at the counter or by phone (a desk worker), else online
    email: bool
    max_km: float
    proposal_delay: int  # days after the proposal window opens before providers propose
    answers: tuple[str, ...]  # the family's answer to successive proposals: accept, decline, expire
    answer_after: int  # days the family takes to answer
    partial: str | None  # what the accepted proposal offers: "later" start, "fewer" days, or all asked
    withdraw_after: int | None  # days after registration: withdraws if it has no place by then
    duplicate_after: int | None  # days after registration: registers the same child again (merged)

    @property
    def birth_expected(self) -> bool:
        return self.birth_date > self.registered_on

    @property
    def days_per_week(self) -> float:
        return sum(1.0 if part == "full" else 0.5 for _, part in self.pattern)

    def care_pattern(self, fewer: bool = False) -> dict[str, Any]:
        days = list(self.pattern[:-1] if fewer and len(self.pattern) > 1 else self.pattern)
        return {"days": [{"weekday": d, "part": p} for d, p in days]}


def _pick_plan(rng: random.Random) -> tuple[str, ...]:
    roll, total = rng.random(), 0.0
    for share, plan in ANSWER_PLANS:
        total += share
        if roll < total:
            return plan
    return ANSWER_PLANS[0][1]


def _pattern(rng: random.Random) -> tuple[tuple[str, str], ...]:
    count = rng.choices((5, 4, 3, 2), weights=(35, 30, 26, 9))[0]
    days = sorted(rng.sample(range(5), count))
    half = rng.random() < 0.08
    return tuple((WEEKDAYS[d], rng.choice(("morning", "afternoon")) if half and i == 0 else "full")
                 for i, d in enumerate(days))


def _wanted_start(rng: random.Random, year: int) -> date:
    if rng.random() < 0.06:  # just outside the year: must not be counted in it
        return rng.choice((date(year - 1, 12, 1), date(year + 1, 1, 2))) + timedelta(days=rng.randrange(25))
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _lead_days(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.78:
        return rng.randint(183, 274)  # 6 to 9 months: most families
    if roll < 0.93:
        return rng.randint(45, 182)
    return rng.randint(275, 340)


def draw_family(rng: random.Random, index: int, year: int, desks: Sequence[SimDesk],
                outsiders: Sequence[Municipality]) -> Family:
    desk = rng.choice(desks)
    home = rng.choice(outsiders).nis_code if outsiders else rng.choice(desk.working_area)
    wanted = _wanted_start(rng, year)
    registered = wanted - timedelta(days=_lead_days(rng))
    birth = wanted - timedelta(days=rng.randint(95, 270))
    urgent = rng.random() < 0.04
    vulnerable = rng.random() < 0.06
    answers = _pick_plan(rng)
    return Family(
        key=f"f{index:06d}", desk_id=desk.desk_id, home_nis=home, registered_on=registered, wanted_start=wanted,
        birth_date=birth, twins=rng.random() < 0.015, pattern=_pattern(rng),
        atypical_hours=rng.random() < 0.05, specific_care=rng.random() < 0.03, ikt=rng.random() < 0.35,
        urgent=urgent, vulnerable=vulnerable,
        priority_answers=tuple(sorted(rng.sample(("sibling_present", "work_related", "single_parent", "low_income"),
                                                 rng.randint(1, 2)))) if rng.random() < 0.3 else (),
        by_desk=urgent or vulnerable or rng.random() < 0.15, email=rng.random() < 0.9,
        max_km=float(rng.randint(8, 20)), proposal_delay=rng.randint(3, 45), answers=answers,
        answer_after=rng.randint(1, 7), partial=rng.choices((None, "later", "fewer"), weights=(84, 9, 7))[0],
        withdraw_after=rng.randint(10, 120) if rng.random() < 0.1 else None,
        duplicate_after=rng.randint(1, 3) if rng.random() < 0.03 else None,
    )
