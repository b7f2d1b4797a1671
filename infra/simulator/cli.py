"""``python -m infra.simulator``: play a simulated Flemish year under chaos and check the report.

    python -m infra.simulator --scale reduced            # one small desk, a few minutes
    python -m infra.simulator --scale full --chaos 2     # issue 8's size (hours on a small machine)

Exit status 0 when every check holds. Logs of every process are in ``<var>/logs``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from infra.simulator.population import SCALES, generate
from infra.simulator.run import describe, make_stack, simulate
from services.reporting.progress import bar


def progress_printer(start: date, end: date) -> object:
    total = (end - start).days + 1
    interactive = sys.stderr.isatty()
    began = time.monotonic()
    last = [-1]

    def show(day: date, summary: dict[str, int]) -> None:
        done = (day - start).days + 1
        tenth = done * 50 // total
        if not interactive and tenth == last[0]:
            return
        last[0] = tenth
        line = (f"Jaar {bar(done, total)} {day.isoformat()}  aanvragen {summary['requests']}  "
                f"voorstellen {summary['proposals']}  toegewezen {summary['allocated']}  "
                f"kills {summary['kills']}  {time.monotonic() - began:,.0f}s")
        sys.stderr.write(("\r" + line) if interactive else line + "\n")
        sys.stderr.flush()

    return show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=sorted(SCALES), default="reduced")
    parser.add_argument("--families", type=int, help="override the number of families of the scale")
    parser.add_argument("--seed", type=int, default=2028)
    parser.add_argument("--year", type=int, default=2028, help="simulated year (after today: demo data is dated today)")
    parser.add_argument("--chaos", type=int, default=1, help="kill every bus service and the broker this many times")
    parser.add_argument("--var", type=Path, help="directory for databases, logs and mail (default: a new temp dir)")
    args = parser.parse_args(argv)
    scale = SCALES[args.scale]
    if args.families:
        from dataclasses import replace

        scale = replace(scale, families=args.families)
    population = generate(scale, seed=args.seed, year=args.year)
    var_dir = args.var or Path(tempfile.mkdtemp(prefix="opvang-sim-"))
    print(f"var: {var_dir}", file=sys.stderr)
    stack = make_stack(var_dir)
    stack.start()
    try:
        result = asyncio.run(simulate(stack, population, chaos_rounds=args.chaos,
                                      progress=progress_printer(population.start, population.cutoff)))  # type: ignore[arg-type]
    finally:
        stack.stop()
    print(file=sys.stderr)
    print("\n".join(describe(result)))
    return 0 if result.findings.ok else 1
