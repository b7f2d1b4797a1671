"""Upcasters: turn the data of an old schema version into the current one, step by step.

Register a function for (event_type, from_version); it returns the data of from_version + 1.
Consumers always see the newest version, so old records in the log stay readable forever.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]

UPCASTERS: dict[tuple[str, int], Upcaster] = {}


def upcaster(event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
    def register(func: Upcaster) -> Upcaster:
        UPCASTERS[(event_type, from_version)] = func
        return func

    return register


def upcast(event_type: str, version: int, data: dict[str, Any], target: int) -> dict[str, Any]:
    """Apply upcasters from *version* to *target*; raise if a step is missing."""
    while version < target:
        step = UPCASTERS.get((event_type, version))
        if step is None:
            raise ValueError(f"no upcaster for {event_type} v{version}")
        data = step(data)
        version += 1
    if version > target:
        raise ValueError(f"{event_type} v{version} is newer than this consumer understands (v{target})")
    return data
