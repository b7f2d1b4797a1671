"""A progress bar on the command line, without a dependency: redrawn in place on a terminal,
one line per tenth when the output is a log file."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


def bar(done: int, total: int, width: int = WIDTH) -> str:
    """``[#########.....................]  30%`` for *done* of *total* (a full bar when total is 0)."""
    fraction = 1.0 if total <= 0 else min(done / total, 1.0)
    filled = round(width * fraction)
    return f"[{'#' * filled}{'.' * (width - filled)}] {int(fraction * 100):3d}%"


class ProgressBar:
    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.interactive = self.stream.isatty()
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        line = f"{self.label} {bar(done, total)}  {done}/{max(total, done)} events  {done / elapsed:,.0f} ev/s"
        if self.interactive:
            self.stream.write("\r" + line)
        else:
            tenth = 10 if total <= 0 else int(10 * min(done / total, 1.0))
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self, message: str) -> None:
        if self.interactive:
            self.stream.write("\n")
        self.stream.write(message + "\n")
        self.stream.flush()
