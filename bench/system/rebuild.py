"""The reporting rebuild on the running stack: the operator's command, its figure read from its output."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from dataclasses import dataclass

from infra.local.stack import LocalStack
from services.runtime.settings import ROOT

FINISHED = re.compile(r"Klaar: (\d+) events gelezen.* in ([\d.]+) s \(([\d,]+) events/s\)")


@dataclass(frozen=True)
class RebuildFigure:
    events: int
    seconds: float
    rate: float


async def rebuild(stack: LocalStack, batch: int = 500) -> RebuildFigure:
    """``python -m services.reporting rebuild`` against the reporting database while the service runs."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.reporting", "rebuild", "--batch", str(batch), cwd=ROOT,
        env={**os.environ, **stack.service_env("reporting")},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    text = output.decode(errors="replace")
    found = FINISHED.search(text)
    if process.returncode != 0 or found is None:
        raise RuntimeError(f"the rebuild failed ({process.returncode}):\n{text[-2000:]}")
    events, seconds = int(found.group(1)), float(found.group(2))
    return RebuildFigure(events, seconds, float(found.group(3).replace(",", "")))
