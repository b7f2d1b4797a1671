"""Reporting's own database tables (SQLModel) plus its outbox and inbox.

The projection is a log of facts (one row per applied event) with two small indexes to find
the requests of a desk and year or of a municipality. Everything else is derived on read, as of
the moment asked for. ``PROJECTION_TABLES`` are wiped by a rebuild; shared reports are records
of a desk's decision and survive it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, Index, Text
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class ReportingTable(SQLModel, registry=registry()):
    """Base of reporting's tables: a metadata of their own."""


class RequestFactRow(ReportingTable, table=True):
    """One applied event about a request, as a fact (see domain/facts.py)."""

    __tablename__ = "request_fact"
    event_id: str = Field(primary_key=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    kind: str = Field(max_length=32)
    occurred_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    desk_id: str | None = Field(default=None, index=True, max_length=36)
    location_id: str | None = Field(default=None, index=True, max_length=36)
    body: str = Field(sa_type=Text)  # type: ignore[call-overload]


class RequestScope(ReportingTable, table=True):
    """Every (desk, original start year, home municipality) a request's snapshots ever had.

    A superset index: the fold decides what held as of the cut-off.
    """

    __tablename__ = "request_scope"
    __table_args__ = (Index("ix_request_scope_desk_year", "desk_id", "start_year"),
                      Index("ix_request_scope_nis", "home_nis"))
    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(primary_key=True, max_length=36)
    start_year: int = Field(primary_key=True)
    home_nis: str = Field(primary_key=True, max_length=5)


class LocationFactRow(ReportingTable, table=True):
    """One applied event about a location (capacity for the free-places dashboard)."""

    __tablename__ = "location_fact"
    event_id: str = Field(primary_key=True, max_length=36)
    location_id: str = Field(index=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    nis_code: str = Field(index=True, max_length=5)
    kind: str = Field(max_length=32)
    occurred_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    body: str = Field(sa_type=Text)  # type: ignore[call-overload]


class DeskPolicyRow(ReportingTable, table=True):
    """A desk policy version: working area and the providers' answer period."""

    __tablename__ = "desk_policy"
    desk_id: str = Field(primary_key=True, max_length=36)
    version: int = Field(primary_key=True)
    valid_from: date
    working_area: str = Field(description="Space-separated NIS codes")
    provider_response_days: int
    count_flemish_holiday: bool = True
    announced_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]


class StatsDirty(ReportingTable, table=True):
    """Desks whose families' municipalities need their hub figures computed again. ``marks`` grows
    with every transaction that adds facts, so the publisher only clears a mark it fully handled."""

    __tablename__ = "stats_dirty"
    desk_id: str = Field(primary_key=True, max_length=36)
    marks: int = 1


class StatsPublished(ReportingTable, table=True):
    """The last MunicipalityStats emitted per municipality and month (only changes are emitted)."""

    __tablename__ = "stats_published"
    nis_code: str = Field(primary_key=True, max_length=5)
    month: str = Field(primary_key=True, max_length=7)
    digest: str = Field(max_length=64)


class ProjectionStatus(ReportingTable, table=True):
    """Whether the projection is live or being rebuilt, and how far the last rebuild got."""

    __tablename__ = "projection_status"
    name: str = Field(primary_key=True, max_length=32)
    state: str = Field(default="live", max_length=16)
    rebuild_started_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    rebuild_finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    rebuild_events: int = 0
    rebuild_total: int = 0
    horizon_month: str = Field(default="", max_length=7)


class ReportShare(ReportingTable, table=True):
    """A desk shared a yearly report with the providers of its working area (seed 003)."""

    __tablename__ = "report_share"
    share_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    year: int
    cutoff: date
    shared_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    shared_by: str = Field(max_length=100)
    document: str = Field(sa_type=Text, description="The report JSON as shared, frozen")  # type: ignore[call-overload]


class ReportShareRecipient(ReportingTable, table=True):
    __tablename__ = "report_share_recipient"
    share_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(primary_key=True, max_length=36, index=True)


metadata = ReportingTable.metadata
messaging = messaging_tables(metadata)

PROJECTION_TABLES = ("request_fact", "request_scope", "location_fact", "desk_policy", "stats_dirty",
                     "stats_published")
