"""Events published by reporting: aggregated, anonymous figures for regional hubs, and the
yearly report a desk shared with the providers of its working area."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import Field

from contracts.events.base import Event
from contracts.types import NisCode

MUNICIPALITY_STATS_TOPIC = "reporting.municipality-stats.v1"
REPORT_SHARE_TOPIC = "reporting.report-share.v1"


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


class YearlyReportShared(Event):
    """A desk shared its yearly report to Opgroeien with every provider of its working area.

    The figures stay behind the reporting API (each provider fetches them with its own token at
    ``download_path``); this event tells who should be told, so that a notifier can deliver it.
    """

    event_type: ClassVar[str] = "YearlyReportShared"
    owner: ClassVar[str] = "reporting"
    topic: ClassVar[str] = REPORT_SHARE_TOPIC

    share_id: str
    desk_id: str
    year: int = Field(ge=2014, le=2100)
    cutoff: date = Field(description="Status as of this date")
    provider_ids: tuple[str, ...] = Field(description="Providers with a location in the working area")
    download_path: str = Field(description="Where on the reporting API a recipient fetches the figures",
                               examples=["/api/v1/provider/reports/6f1c2a52-5d3e-4c1b-9a51-0c0ffee00001"])
    shared_at: datetime

    def subject(self) -> str:
        return self.desk_id
