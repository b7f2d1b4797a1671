"""``python -m bench.system [--full] [options]``: start the whole stack on free ports and measure it.

The public rate limit of intake stays on: every simulated family posts from its own address
(X-Forwarded-For from a trusted front end), so the limiter does its work and is never hit.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
import tempfile
from pathlib import Path

from bench.system.plan import FULL, REDUCED, TINY
from bench.system.progress import PhaseBar
from bench.system.report import print_report
from bench.system.run import PHASES, measure
from infra.local.stack import LocalStack, StackConfig
from services.runtime.settings import VAR_DIR


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.system", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="the full run (make bench-full): a minute per phase")
    parser.add_argument("--tiny", action="store_true", help="seconds per phase (what the test suite runs)")
    for field in dataclasses.fields(REDUCED):
        parser.add_argument(f"--{field.name.replace('_', '-')}", type=type(field.default), default=None)
    parser.add_argument("--output", type=Path, default=VAR_DIR / "bench", help="directory of the JSON file")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    plan = FULL if args.full else TINY if args.tiny else REDUCED
    plan = dataclasses.replace(plan, **{f.name: getattr(args, f.name) for f in dataclasses.fields(plan)
                                        if getattr(args, f.name) is not None})
    stack = LocalStack(StackConfig.ephemeral(Path(tempfile.mkdtemp(prefix="opvang-bench-"))))
    bar = PhaseBar(["starting the stack", *PHASES])
    try:
        stack.start(lambda name, done, total: bar.update("starting the stack", done / total))
        rows, details = asyncio.run(measure(stack, plan, bar))
    except Exception:
        print(f"\nthe bench failed; logs of every process: {stack.logs}", file=sys.stderr)
        raise
    finally:
        stack.stop()
    details["logs"] = str(stack.logs)
    print_report(rows, details, args.output)


if __name__ == "__main__":
    main()
