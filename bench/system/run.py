"""One run against one stack: raw broker, notification latency, sustained registrations, rebuild,
memory. The stack may be started here (``__main__``) or be the test suite's shared one."""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import asdict
from typing import Any

import httpx

from bench import raw_broker
from bench.system.hops import breakdown, event_times
from bench.system.load import paced, sustained
from bench.system.memory import MemorySampler
from bench.system.plan import Plan
from bench.system.progress import PhaseBar
from bench.system.provider import BENCH_NIS, webhook_provider
from bench.system.rebuild import rebuild
from bench.system.receiver import WebhookLog, receiving
from bench.system.report import Row
from infra.local.stack import BUS_SERVICES, SERVICES, LocalStack

PHASES = ["raw broker", "latency at a gentle pace", "notification latency", "sustained registrations",
          "reporting rebuild"]
MEMORY_LIMIT_MB = 300.0


def _quantiles(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        return (values[0], values[0]) if values else (float("nan"), float("nan"))
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[98]


async def idle_cpu(memory: MemorySampler, seconds: float) -> dict[str, float]:
    """CPU seconds per second each process spends with nothing to do (consumers polling, relays checking)."""
    before, started = memory.cpu_seconds(), time.monotonic()
    await asyncio.sleep(seconds)  # measuring the quiet system over a fixed span is the point here
    after, elapsed = memory.cpu_seconds(), time.monotonic() - started
    return {name: (after[name] - before.get(name, 0.0)) / elapsed for name in after}


async def _latency(stack: LocalStack, plan: Plan, bar: PhaseBar, memory: MemorySampler,
                   idle: dict[str, float], *, rate: float, seconds: float, phase: str) -> dict[str, Any]:
    log = WebhookLog()
    async with receiving(log) as url, httpx.AsyncClient(timeout=30) as http, \
            webhook_provider(http, stack, url) as secret:
        log.secret = secret
        cpu_before, cpu_started = memory.cpu_seconds(), time.monotonic()
        sent = await paced(stack.url("intake"), rate=rate, seconds=seconds, nis=BENCH_NIS,
                           tick=lambda f: bar.update(phase, 0.8 * f))
        await log.wait_for(set(sent.sent_at), plan.notify_timeout)
        cpu_after, cpu_seconds = memory.cpu_seconds(), time.monotonic() - cpu_started
    times = await event_times(stack.bootstrap_servers, set(sent.sent_at))
    hops = breakdown(sent.sent_wall, log.arrived_wall, times)
    count = max(len(sent.sent_at), 1)
    cpu_ms = {name: round(max(cpu_after[name] - cpu_before.get(name, 0.0) - idle.get(name, 0.0) * cpu_seconds, 0.0)
                          * 1000 / count, 2) for name in cpu_after}
    latencies = sorted((log.arrived[r] - at) * 1000 for r, at in sent.sent_at.items() if r in log.arrived)
    p50, p99 = _quantiles(latencies)
    return {"registered": len(sent.sent_at), "notified": len(latencies), "p50_ms": p50, "p99_ms": p99,
            "max_ms": latencies[-1] if latencies else float("nan"), "offered_rate": rate,
            "achieved_rate": len(sent.sent_at) / sent.seconds if sent.seconds else 0.0,
            "offered": sent.offered, "not_sent_while_100_unanswered": sent.not_sent,
            "statuses": dict(sent.statuses), "bad_signatures": log.bad_signatures, "webhooks": log.received,
            "cpu_ms_per_registration": cpu_ms, "hops": hops,
            "idle_cpu_percent_of_a_core": {name: round(v * 100, 1) for name, v in idle.items()}}


async def measure(stack: LocalStack, plan: Plan, bar: PhaseBar | None = None) -> tuple[list[Row], dict[str, Any]]:
    bar = bar or PhaseBar(PHASES)
    with MemorySampler(stack) as memory:
        bar.update(PHASES[0], 0.0)
        raw = await raw_broker.measure(stack.bootstrap_servers, plan.raw_messages, plan.round_trips)
        bar.update(PHASES[1], 0.0)
        idle = await idle_cpu(memory, plan.idle_seconds)
        probe = await _latency(stack, plan, bar, memory, idle, rate=plan.probe_rate, seconds=plan.probe_seconds,
                               phase=PHASES[1])
        bar.update(PHASES[2], 0.0)
        latency = await _latency(stack, plan, bar, memory, idle, rate=plan.latency_rate,
                                 seconds=plan.latency_seconds, phase=PHASES[2])
        bar.update(PHASES[3], 0.0)
        load = await sustained(stack.url("intake"), seconds=plan.sustained_seconds, concurrency=plan.concurrency,
                               tick=lambda f: bar.update(PHASES[3], f))
        bar.update(PHASES[4], 0.0)
        rebuilt = await rebuild(stack, plan.rebuild_batch)
        bar.update(PHASES[4], 1.0)
    bar.done()
    rows = [
        Row("raw produce (aiokafka, acks=all)", raw.produce_per_s, "/s", "-", None),
        Row("raw consume", raw.consume_per_s, "/s", "-", None),
        Row("raw round trip p50", raw.rtt_p50_ms, "ms", "-", None),
        Row("raw round trip p99", raw.rtt_p99_ms, "ms", "-", None),
        Row("registrations sustained over HTTP", load.rate, "/s", ">= 200/s", load.rate >= 200,
            raw.produce_per_s, "produce/s"),
        Row(f"notified p50 at {plan.latency_rate:g}/s", latency["p50_ms"], "ms", "-", None,
            raw.rtt_p50_ms, "ms RTT p50"),
        Row(f"notified p99 at {plan.latency_rate:g}/s", latency["p99_ms"], "ms", "< 1000 ms",
            latency["p99_ms"] < 1000 and latency["notified"] == latency["registered"], raw.rtt_p99_ms, "ms RTT p99"),
        Row(f"registrations accepted at {plan.latency_rate:g}/s offered", latency["achieved_rate"], "/s",
            f"{plan.latency_rate:g}/s", latency["achieved_rate"] >= 0.95 * plan.latency_rate, raw.produce_per_s,
            "produce/s"),
        Row(f"notified p50 at {plan.probe_rate:g}/s", probe["p50_ms"], "ms", "-", None, raw.rtt_p50_ms, "ms RTT p50"),
        Row(f"notified p99 at {plan.probe_rate:g}/s", probe["p99_ms"], "ms", "< 1000 ms",
            probe["p99_ms"] < 1000 and probe["notified"] == probe["registered"], raw.rtt_p99_ms, "ms RTT p99"),
        Row("reporting rebuild", rebuilt.rate, "ev/s", ">= 20000/s", rebuilt.rate >= 20_000,
            raw.consume_per_s, "consume/s"),
    ]
    cpu = probe["cpu_ms_per_registration"]  # at a pace the stack keeps up with: the whole cost of each one
    total_cpu = sum(cpu.values())  # 200/s on 2 cores leaves 10 ms of CPU per registration for everything
    rows.append(Row("CPU per registration, all processes", total_cpu, "ms", "<= 10 ms", total_cpu <= 10))
    rows.append(Row("CPU of the idle stack, all processes", sum(idle.values()) * 100, "%", "-", None))
    rows += [Row(f"  CPU per registration {name}", cpu[name], "ms", "-", None)
             for name in sorted(cpu, key=lambda n: -cpu[n])]
    for name in [*SERVICES, "mailsink", "redis", "tansu"]:
        peak = memory.peak_mb.get(name, 0.0)
        service = name in SERVICES
        rows.append(Row(f"peak memory {name}", peak, "MB", "< 300 MB" if service else "-",
                        peak < MEMORY_LIMIT_MB if service else None))
    details = {"plan": asdict(plan), "raw_broker": asdict(raw), "latency": latency, "latency_gentle": probe,
               "sustained": {"seconds": load.seconds, "created": load.created, "statuses": dict(load.statuses),
                             "concurrency": plan.concurrency},
               "rebuild": asdict(rebuilt), "peak_memory_mb": memory.peak_mb, "bus_services": list(BUS_SERVICES)}
    return rows, details
