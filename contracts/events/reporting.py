"""Events published by reporting: aggregated, anonymous figures for regional hubs."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from pydantic import Field

from contracts.events.base import Event
from contracts.types import NisCode

MUNICIPALITY_STATS_TOPIC = "reporting.municipality-stats.v1"


class MunicipalityStats(Event):
    """Counts per municipality and month; counts below the threshold are suppressed (None)."""

    event_type: ClassVar[str] = "MunicipalityStats"
    owner: ClassVar[str] = "reporting"
    topic: ClassVar[str] = MUNICIPALITY_STATS_TOPIC

    nis_code: NisCode
    month: str = Field(pattern=r"^\d{4}-\d{2}$", examples=["2026-03"])
    requests_registered: int | None = None
    requests_open: int | None = None
    places_allocated: int | None = None
    unanswered_without_proposal: int | None = None
    suppression_threshold: int = 5
    computed_at: datetime

    def subject(self) -> str:
        return f"{self.nis_code}:{self.month}"
