"""The shape every dashboard returns: labels on one axis, named series of numbers, and notes.

Labels and series keys are codes (months, NIS codes, bucket names); the portal turns them into
words in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Series:
    key: str
    values: list[float]


@dataclass(frozen=True)
class Chart:
    key: str
    kind: str  # "bar", "stacked" or "line"
    labels: list[str]
    series: list[Series]
    notes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "labels": self.labels,
                "series": [{"key": s.key, "values": s.values} for s in self.series], "notes": self.notes}


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
