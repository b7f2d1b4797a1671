"""How big a run is: ``make bench`` (reduced), ``make bench-full``, or tiny in the test suite."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    raw_messages: int = 5_000          # raw broker: produced then consumed
    round_trips: int = 200             # raw broker: produce -> consume round trips
    latency_rate: float = 50.0         # registrations per second, steady, for the notification latency
    latency_seconds: float = 10.0
    probe_rate: float = 5.0            # the same at a gentle pace: the path's own latency, without queueing
    probe_seconds: float = 10.0
    notify_timeout: float = 60.0       # how long to wait for the last webhooks after the steady phase
    sustained_seconds: float = 10.0    # registrations back to back
    concurrency: int = 16              # clients posting at once in the sustained phase
    rebuild_batch: int = 2_000         # records per fetched batch in the rebuild
    idle_seconds: float = 5.0          # CPU of the quiet stack, subtracted from the cost of a registration


REDUCED = Plan()
FULL = Plan(raw_messages=20_000, round_trips=500, latency_seconds=60.0, notify_timeout=300.0, probe_seconds=30.0,
            sustained_seconds=60.0, concurrency=32, idle_seconds=10.0)
TINY = Plan(raw_messages=500, round_trips=20, latency_rate=10.0, latency_seconds=2.0, notify_timeout=120.0,
            probe_rate=2.0, probe_seconds=2.0,
            sustained_seconds=2.0, concurrency=4, idle_seconds=1.0)
