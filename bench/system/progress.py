"""One progress bar for the whole run: which phase, how far (stderr; redrawn in place on a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from services.reporting.progress import bar


class PhaseBar:
    def __init__(self, phases: list[str], stream: TextIO | None = None) -> None:
        self.phases = phases
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty()
        self.started = time.monotonic()
        self._last = ""

    def update(self, phase: str, fraction: float) -> None:
        index = self.phases.index(phase)
        overall = (index + min(max(fraction, 0.0), 1.0)) / len(self.phases)
        line = (f"{bar(int(overall * 1000), 1000)}  {index + 1}/{len(self.phases)} {phase:<28}"
                f" {time.monotonic() - self.started:6.0f} s")
        if self.interactive:
            self.stream.write("\r" + line)
        elif f"{phase}{int(overall * 10)}" != self._last:  # in a log file: a line per phase and tenth
            self._last = f"{phase}{int(overall * 10)}"
            self.stream.write(line + "\n")
        self.stream.flush()

    def done(self) -> None:
        if self.interactive:
            self.stream.write("\n")
            self.stream.flush()
