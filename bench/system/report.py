"""The figures of one run: a table beside the raw broker (stdout) and a JSON file in var/bench/."""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil


@dataclass(frozen=True)
class Row:
    figure: str
    value: float
    unit: str
    target: str
    met: bool | None
    raw: float | None = None
    raw_name: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.raw if self.raw else None


def table(rows: list[Row]) -> str:
    head = f"{'figure':<40} {'measured':>14} {'target':>12} {'raw broker':>24} {'ratio':>9}  met"
    lines = [head, "-" * len(head)]
    for row in rows:
        raw = f"{row.raw:,.1f} {row.raw_name}" if row.raw is not None else "-"
        ratio = f"{row.ratio:.3f}" if row.ratio is not None else "-"
        met = {True: "yes", False: "NO", None: "-"}[row.met]
        lines.append(f"{row.figure:<40} {row.value:>9,.1f} {row.unit:<4} {row.target:>12} {raw:>24} {ratio:>9}  {met}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    load = psutil.getloadavg()
    return {"cpus": psutil.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "load_average_1_5_15": [round(x, 2) for x in load],
            "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1)}


def write_json(directory: Path, rows: list[Row], details: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    at = datetime.now(UTC)
    path = directory / f"system-{at:%Y%m%dT%H%M%SZ}.json"
    document = {
        "measured_at": at.isoformat(), "machine": machine(), "details": details,
        "figures": [{"figure": r.figure, "value": round(r.value, 3), "unit": r.unit, "target": r.target,
                     "met": r.met, "raw_broker": r.raw, "raw_broker_figure": r.raw_name,
                     "ratio_to_raw": None if r.ratio is None else round(r.ratio, 4)} for r in rows],
    }
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path


def print_report(rows: list[Row], details: dict[str, Any], directory: Path) -> Path:
    """The table, the latency per hop and where the JSON went; returns the JSON file."""
    print(table(rows))
    for key in ("latency_gentle", "latency"):
        latency = details[key]
        print(f"\nnotification latency at {latency['offered_rate']:g}/s offered, median of each hop "
              "(Kafka record times of each relay):")
        for hop, value in latency["hops"].items():
            print(f"  {hop:<48} {value:>11,.1f}")
        print(f"  registered {latency['registered']}, notified {latency['notified']}, "
              f"bad signatures {latency['bad_signatures']}, answers {latency['statuses']} (0: no answer in 30 s)")
    path = write_json(directory, rows, details)
    print(f"\nJSON: {path}")
    return path
