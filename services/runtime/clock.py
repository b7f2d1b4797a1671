"""Time as a dependency: services ask a clock, tests inject one they control."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return self.now().date()


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.date()

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, moment: datetime) -> None:
        self._now = moment


class SettableClock:
    """System time shifted by an offset that tests set over HTTP (only when ENV=test).

    With a *store* file the offset survives a restart: a simulation that kills a service in the
    middle of its simulated year gets it back on the same simulated time, not on today.
    """

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._store: Path | None = None

    def persist_to(self, store: Path) -> None:
        """Keep the offset in *store*; take the offset already there (a restart)."""
        self._store = store
        if store.exists():
            self._offset = timedelta(seconds=float(json.loads(store.read_text())["offset_seconds"]))

    def _save(self) -> None:
        if self._store is not None:
            self._store.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._store.with_suffix(".tmp")
            temporary.write_text(json.dumps({"offset_seconds": self._offset.total_seconds()}))
            temporary.replace(self._store)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def today(self) -> date:
        return self.now().date()

    def set(self, moment: datetime) -> None:
        self._offset = moment - datetime.now(UTC)
        self._save()

    def advance(self, delta: timedelta) -> None:
        self._offset += delta
        self._save()
