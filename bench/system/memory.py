"""Peak memory (RSS) of every process of the stack, sampled with psutil while the bench runs, and
the CPU time each one spent (what a registration costs, whatever else runs on the machine)."""

from __future__ import annotations

import threading

import psutil

from infra.local.stack import LocalStack


class MemorySampler:
    """Samples the resident set of each process (and its children) every *interval* seconds."""

    def __init__(self, stack: LocalStack, interval: float = 0.25) -> None:
        self._processes = {p.name: p for p in stack.all_processes()}
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)
        self.peak_mb: dict[str, float] = dict.fromkeys(self._processes, 0.0)

    def _sample(self) -> None:
        for name, managed in self._processes.items():
            if managed.process is None:
                continue
            try:
                root = psutil.Process(managed.process.pid)
                rss = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
            except psutil.Error:
                continue  # restarting or gone: the next sample counts
            self.peak_mb[name] = max(self.peak_mb[name], rss / 1024 / 1024)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) used so far by each process and its children."""
        used: dict[str, float] = {}
        for name, managed in self._processes.items():
            if managed.process is None:
                continue
            try:
                root = psutil.Process(managed.process.pid)
                times = [p.cpu_times() for p in [root, *root.children(recursive=True)]]
            except psutil.Error:
                continue
            used[name] = sum(t.user + t.system for t in times)
        return used

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()

    def __enter__(self) -> MemorySampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
