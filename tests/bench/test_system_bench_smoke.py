"""The system benchmark in miniature on the suite's shared stack: every figure is measured and
printed, the JSON is written, every registration reached the provider's webhook. Timings are
printed, never asserted (they depend on the machine and on what else runs on it)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench.system.plan import TINY
from bench.system.report import print_report
from bench.system.run import measure
from infra.local.stack import SERVICES, LocalStack

FIGURES = ["raw produce", "raw consume", "raw round trip p50", "raw round trip p99",
           "registrations sustained over HTTP", "notified p50 at", "notified p99 at", "reporting rebuild",
           "CPU per registration, all processes", *(f"peak memory {name}" for name in SERVICES)]


async def test_system_bench_prints_every_figure(system: LocalStack, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    rows, details = await measure(system, TINY)
    path = print_report(rows, details, tmp_path)
    printed = capsys.readouterr().out
    for figure in FIGURES:
        assert figure in printed, f"{figure!r} missing from the report"
    assert "post -> webhook received" in printed
    document = json.loads(path.read_text())
    values = {f["figure"]: f["value"] for f in document["figures"]}
    assert all(isinstance(v, float | int) and math.isfinite(v) for v in values.values()), values
    for key in ("latency_gentle", "latency"):
        latency = document["details"][key]
        assert latency["registered"] == latency["notified"] > 0, "every registration reached the webhook"
        assert latency["bad_signatures"] == 0
    assert document["details"]["sustained"]["created"] > 0
    assert document["details"]["rebuild"]["events"] > 0
    assert all(values[f"peak memory {name}"] > 0 for name in SERVICES)
