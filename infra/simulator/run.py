"""One simulated year end to end: start a stack of its own, play the year under chaos, check.

The stack is the local one (``infra/local/stack.py``) on free ports, without the portal, with two
test-only settings: the services keep their test clock over a restart (``TEST_CLOCK_DIR``) and
identity knows the simulation's desk workers and providers (``IDENTITY_ACCOUNTS_FILE``).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from infra.local.chaos import Chaos, ChaosEvent
from infra.local.stack import BUS_SERVICES, LocalStack, StackConfig
from infra.simulator import checks
from infra.simulator.api import Api
from infra.simulator.driver import ChaosPlan, Driver, Progress
from infra.simulator.population import Population
from infra.simulator.truth import GroundTruth

SERVICES = ("identity", *BUS_SERVICES)


@dataclass
class RunResult:
    population: Population
    truth: GroundTruth
    findings: checks.Findings
    kills: list[ChaosEvent] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    calls: int = 0
    retries: int = 0
    calls_by_kind: dict[str, int] = field(default_factory=dict)


def make_stack(var_dir: Path, database_urls: dict[str, str] | None = None) -> LocalStack:
    extra = {"TEST_CLOCK_DIR": str(var_dir / "clock"), "IDENTITY_ACCOUNTS_FILE": str(var_dir / "accounts.json")}
    return LocalStack(StackConfig.ephemeral(var_dir, services=SERVICES, extra_env=extra,
                                            database_urls=database_urls or {}))


async def simulate(stack: LocalStack, population: Population, *, chaos_rounds: int = 1,
                   progress: Progress | None = None, rebuild: bool = True) -> RunResult:
    """Play *population*'s year on a started *stack*; SIGKILL every bus service and the broker
    *chaos_rounds* times at seeded days; then run every check of issue 8."""
    api = Api({name: stack.url(name) for name in SERVICES})
    chaos = Chaos(stack, seed=population.seed)
    plan = ChaosPlan.draw(population, population.seed, chaos_rounds, chaos.targets) if chaos_rounds else ChaosPlan(())
    driver = Driver(api, population, stack.var / "accounts.json", chaos=chaos, plan=plan, progress=progress)
    seconds: dict[str, float] = {}
    findings = checks.Findings()
    try:
        started = time.monotonic()
        truth = await driver.play()
        seconds["year"] = time.monotonic() - started
        started = time.monotonic()
        await checks.settle(api, findings)
        await checks.compare_reports(api, population, truth, findings)
        seconds["report"] = time.monotonic() - started
        if rebuild:
            started = time.monotonic()
            await asyncio.to_thread(checks.rebuild_reporting, stack.service_env("reporting"))
            await checks.compare_reports(api, population, truth, findings, after_rebuild=True)
            seconds["rebuild"] = time.monotonic() - started
        await checks.requests_exist(api, population, truth, findings)
        checks.notifications_sent_twice(stack.maildir, findings,
                                        sum(1 for e in chaos.events if e.target == "notifications"))
        await checks.dead_letters(stack.bootstrap_servers, findings)
        await checks.settle(api, findings, timeout=30)
    finally:
        await api.close()
    return RunResult(population, truth, findings, list(chaos.events), seconds, api.calls, api.retries,
                     dict(api.by_kind.most_common(8)))


def describe(result: RunResult) -> list[str]:
    """The run in a few lines, for the command line and the test's output."""
    population, findings = result.population, result.findings
    lines = [
        f"population: seed {population.seed}, year {population.year}, {len(population.desks)} desk(s), "
        f"{len(population.providers)} providers, {len(population.locations)} locations, "
        f"{sum(loc.places for loc in population.locations)} places, {len(population.families)} families",
        "ground truth: " + ", ".join(f"{k} {v}" for k, v in result.truth.summary().items()),
        "chaos: " + (", ".join(f"{e.target} ({e.down_seconds:.1f}s down)" for e in result.kills) or "none"),
        f"time: {', '.join(f'{k} {v:.0f}s' for k, v in result.seconds.items())}; "
        f"{result.calls} HTTP calls, {result.retries} retried; most: {result.calls_by_kind}",
        f"relays: republish rounds {findings.republish_rounds}, pending {findings.outbox_pending}",
    ]
    for desk_id, totals in findings.totals.items():
        diffs = findings.report_diffs.get(desk_id, [])
        verdict = "equal to the ground truth" if not diffs else f"{len(diffs)} cells differ"
        lines.append(f"report {desk_id[:8]}: {totals} — {verdict}")
        lines += [f"  {d}" for d in diffs[:40]]
        if desk_id in findings.rebuild_diffs:
            again = findings.rebuild_diffs[desk_id]
            lines.append(f"  after a rebuild from the log: {'equal' if not again else f'{len(again)} cells differ'}")
            lines += [f"  {d}" for d in again[:40]]
    lines.append(f"requests missing in intake: {len(findings.missing_requests)} {findings.missing_requests[:5]}")
    lines.append(f"mails: {findings.mails}; the same mail delivered again: {len(findings.duplicate_notifications)} "
                 f"(allowed: in flight at {findings.notifications_kills} SIGKILL(s) of notifications, "
                 f"at most {checks.SEND_CONCURRENCY} each)")
    lines.append(f"dead letters: {len(findings.dead_letters)}")
    lines += [f"  {d}" for d in findings.dead_letters[:20]]
    lines.append("RESULT: " + ("all checks hold" if findings.ok else "CHECKS FAILED"))
    return lines
