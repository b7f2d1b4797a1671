"""Benchmark: a central allocation round on a Flanders-sized and a city-sized instance.

    python -m bench.matching_round            # both sizes
    python -m bench.matching_round --size city

Prints, per phase, the wall time, the CPU time of the whole round (single-threaded Python: one
core; on a shared machine the CPU time is the fair figure) and the peak resident memory of the
process (generation included). Targets (issue 5): Flanders under 30 s and 1 GB, city under 3 s.
Figures are printed, never asserted: a reduced instance is checked for correctness in the tests.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
from collections import Counter
from datetime import date

from bench.matching_synthetic import generate
from services.matching.domain.round.build import build_instance
from services.matching.domain.round.deferred_acceptance import run_round
from services.matching.domain.round.reasons import unmatched_reasons
from services.matching.domain.round.stability import check

SIZES = {
    "flanders": {"n_locations": 5700, "n_requests": 30000},
    "city": {"n_locations": 600, "n_requests": 6000, "region": "Antwerpen"},
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: str, quota: int) -> dict[str, float]:
    params = SIZES[size]
    started = time.perf_counter()
    synthetic = generate(**params)  # type: ignore[arg-type]
    generated = time.perf_counter() - started
    gc.collect()
    times: dict[str, float] = {}
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    instance, _ = build_instance(synthetic.requests, synthetic.locations, start_on=date(2027, 9, 1),
                                 max_preferences=8, quota_percent=quota)
    t1 = time.perf_counter()
    outcome = run_round(instance)
    t2 = time.perf_counter()
    reasons = unmatched_reasons(instance, outcome)
    t3 = time.perf_counter()
    report = check(instance, outcome.assignment)
    t4 = time.perf_counter()
    cpu = time.process_time() - cpu0
    times = {"build": t1 - t0, "round": t2 - t1, "reasons": t3 - t2, "check": t4 - t3}
    total = t4 - t0
    print(f"\n== {size}: {len(synthetic.locations)} locations, {synthetic.licensed_places} licensed places "
          f"(about {synthetic.free_places} free on an average weekday), {len(synthetic.requests)} open requests, "
          f"{len(instance.groups)} sibling groups, quota {quota}%")
    print(f"   generated in {generated:.1f} s (not counted)")
    for phase, seconds in times.items():
        print(f"   {phase:8s} {seconds:7.2f} s")
    print(f"   total    {total:7.2f} s wall, {cpu:.2f} s CPU (one core)   peak memory (RSS) {peak_mb():.0f} MB")
    print(f"   matched {len(outcome.assignment)}, unmatched {len(reasons)}: {dict(Counter(reasons.values()))}")
    print(f"   proposals {outcome.proposals}, converged {outcome.converged}, feasible {report.feasible}, "
          f"pairs checked {report.pairs_checked}, blocking pairs {len(report.blocking)} "
          f"(sibling-forced {sum(p.sibling_constraint for p in report.blocking)}), stable {report.stable}")
    return {"total": total, **times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=(*SIZES, "both"), default="both")
    parser.add_argument("--quota", type=int, default=20, help="vulnerable-family quota percent")
    args = parser.parse_args()
    for size in SIZES if args.size == "both" else (args.size,):
        run(size, args.quota)


if __name__ == "__main__":
    main()
