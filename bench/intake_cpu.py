"""``python -m bench.intake_cpu``: the CPU each process spends per registration, intake first.

A quicker loop than ``bench.system`` for work on one service: the whole stack on free ports, the
idle CPU measured, then registrations at a steady pace (each from its own address, as in
``bench.system``), then a wait until intake has sent every confirmation mail and published every
event and the bus is quiet again. CPU time, not wall clock, so other work on the machine matters
little. ``--profile`` records intake with py-spy meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench.system.load import paced
from bench.system.memory import MemorySampler
from infra.local.stack import LocalStack, StackConfig


def _pending(var: Path) -> int:
    """Mails not yet sent plus events not yet published, read straight from intake's SQLite file."""
    with sqlite3.connect(f"file:{var / 'intake.db'}?mode=ro", uri=True, timeout=30) as db:
        mails = db.execute("SELECT count(*) FROM mailoutbox WHERE status = 'pending'").fetchone()[0]
        events = db.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0]
    return int(mails) + int(events)


async def _settle(var: Path, memory: MemorySampler, idle: dict[str, float] | None) -> None:
    """Until intake has nothing queued and the whole stack is back near its idle CPU for 2 s."""
    while _pending(var):  # noqa: ASYNC110 - another process's database: nothing to wait on but time
        await asyncio.sleep(0.2)
    if idle is None:  # idle not known yet: give the consumers a moment
        await asyncio.sleep(3)
        return
    quiet, deadline = 0, time.monotonic() + 120
    while quiet < 2 and time.monotonic() < deadline:
        before = memory.cpu_seconds()
        await asyncio.sleep(1.0)
        after = memory.cpu_seconds()
        busy = sum(after[n] - before.get(n, 0.0) - idle.get(n, 0.0) for n in after)
        quiet = quiet + 1 if busy < 0.03 else 0


async def measure(stack: LocalStack, rate: float, seconds: float, idle_seconds: float,
                  profile: Path | None) -> dict[str, float]:
    with MemorySampler(stack) as memory:
        await paced(stack.url("intake"), rate=10, seconds=1, nis="44021")  # warm up: lazy imports, caches
        await _settle(stack.var, memory, None)
        before, started = memory.cpu_seconds(), time.monotonic()
        await asyncio.sleep(idle_seconds)
        idle = {n: (v - before[n]) / (time.monotonic() - started) for n, v in memory.cpu_seconds().items()}
        spy = None
        if profile is not None:
            pid = stack.services["intake"].process.pid  # type: ignore[union-attr]
            spy = await asyncio.create_subprocess_exec(
                str(Path(sys.executable).parent / "py-spy"), "record", "--gil", "-p", str(pid), "-o", str(profile),
                "-d", str(int(seconds) + 5), "-f", "raw" if profile.suffix == ".txt" else "flamegraph")
        before, started = memory.cpu_seconds(), time.monotonic()
        sent = await paced(stack.url("intake"), rate=rate, seconds=seconds, nis="44021")
        await _settle(stack.var, memory, idle)
        after, elapsed = memory.cpu_seconds(), time.monotonic() - started
        if spy is not None:
            await spy.wait()
    count = max(sent.statuses[201], 1)
    print(f"registered {sent.statuses[201]} ({dict(sent.statuses)}) in {sent.seconds:.1f} s, settled after "
          f"{elapsed:.1f} s")
    return {n: max(after[n] - before[n] - idle[n] * elapsed, 0.0) * 1000 / count for n in after}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.intake_cpu", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=20.0, help="registrations per second")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=1, help="measurements on the same stack")
    parser.add_argument("--profile", type=Path, default=None,
                        help="py-spy profile of intake: .svg flame graph, .txt collapsed stacks")
    args = parser.parse_args()
    stack = LocalStack(StackConfig.ephemeral(Path(tempfile.mkdtemp(prefix="opvang-intake-cpu-"))))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the stack when stopped
    try:
        stack.start()
        for _ in range(args.rounds):
            cpu = asyncio.run(measure(stack, args.rate, args.seconds, args.idle_seconds, args.profile))
            print("CPU ms per registration: " + ", ".join(
                f"{name} {value:.1f}" for name, value in sorted(cpu.items(), key=lambda kv: -kv[1])))
            print(f"  total {sum(cpu.values()):.1f} ms, intake {cpu['intake']:.1f} ms")
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
