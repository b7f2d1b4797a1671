"""Reporting's own settings, from the environment (the shared ServiceSettings stay untouched)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from services.reporting.domain.hub_stats import DEFAULT_THRESHOLD


@dataclass(frozen=True)
class ReportingConfig:
    suppression_threshold: int = DEFAULT_THRESHOLD
    stats_interval_seconds: float = 5.0

    @classmethod
    def from_env(cls) -> ReportingConfig:
        return cls(
            suppression_threshold=max(1, int(os.environ.get("REPORTING_SUPPRESSION_THRESHOLD",
                                                            DEFAULT_THRESHOLD))),
            stats_interval_seconds=float(os.environ.get("REPORTING_STATS_INTERVAL_SECONDS", "5")),
        )
