"""Matching's own database tables (SQLModel) plus its outbox and inbox.

Read models of what other services publish (requests, desk policies, locations) and what
matching itself owns: distribution rounds with their reasons, recipients and each provider's
feed, responses, proposals, allocations, lottery draws and allocation rounds. No personal data:
requests are known by id, dates, NIS codes, patterns and flags only.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.runtime.tables import messaging_tables


class MatchingTable(SQLModel, registry=registry()):
    """Base of matching's tables: a metadata of their own."""


class OpenRequestView(MatchingTable, table=True):
    """Read model of a request as matching needs it, and where matching stands with it."""

    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    status: str = Field(default="open", index=True, description="open, allocated, withdrawn, merged")
    snapshot: str = Field(description="RequestSnapshot JSON; empty while only a withdrawal is known")
    updated_at: datetime
    urgent_reopened: bool = Field(default=False, description="Reopened after its location closed")
    distribution_round: int = 0
    listed_for_higher: bool = Field(default=False, description="Allocated, still listed for higher preferences")


class DeskPolicyView(MatchingTable, table=True):
    """Every version of every desk's policy (DeskPolicyChanged)."""

    desk_id: str = Field(primary_key=True, max_length=36)
    version: int = Field(primary_key=True)
    valid_from: date
    body: str


class LocationView(MatchingTable, table=True):
    """Read model of a location and its licensed capacity."""

    location_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    nis_code: str = Field(max_length=5, index=True)
    status: str = "active"
    snapshot: str
    updated_at: datetime
    closed_on: date | None = None
    holds_version: int = Field(default=0, description="Bumped whenever an allocation or pending proposal here changes")


class LotteryDraw(MatchingTable, table=True):
    """The desk's lottery seed: every ticket is sha256(seed:request_id), recomputable by anyone."""

    desk_id: str = Field(primary_key=True, max_length=36)
    seed: str = Field(max_length=64)
    drawn_at: datetime


class DistributionRound(MatchingTable, table=True):
    """One decision on who hears of a request, with the reason for every location considered."""

    request_id: str = Field(primary_key=True, max_length=36)
    round: int = Field(primary_key=True)
    desk_id: str = Field(index=True, max_length=36)
    mode: str
    trigger: str
    decisions: str = Field(description="JSON list of {location_id, provider_id, included, reasons}")
    distributed_at: datetime


class Recipient(MatchingTable, table=True):
    """A location that was told of a request."""

    request_id: str = Field(primary_key=True, max_length=36)
    location_id: str = Field(primary_key=True, max_length=36, index=True)
    provider_id: str = Field(index=True, max_length=36)
    desk_id: str = Field(max_length=36)
    first_round: int
    distributed_at: datetime


class FeedCounter(MatchingTable, table=True):
    """The last number handed out to provider feed entries (one row)."""

    name: str = Field(primary_key=True, max_length=20)
    last_seq: int = 0


class ProviderFeedEntry(MatchingTable, table=True):
    """What providers' software reads with a cursor: numbered in commit order (see handlers/feed.py)."""

    seq: int = Field(primary_key=True)
    provider_id: str = Field(index=True, max_length=36)
    request_id: str = Field(max_length=36)
    location_id: str = Field(max_length=36)
    change: str = Field(description="distributed, updated, closed")
    at: datetime


class ProviderResponse(MatchingTable, table=True):
    request_id: str = Field(primary_key=True, max_length=36)
    location_id: str = Field(primary_key=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    answer: str
    reason_code: str | None = None
    responded_at: datetime


class Proposal(MatchingTable, table=True):
    proposal_id: str = Field(primary_key=True, max_length=36)
    request_id: str = Field(index=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    location_id: str = Field(index=True, max_length=36)
    provider_id: str = Field(index=True, max_length=36)
    start_date: date
    care_pattern: str
    slots: str = Field(description="Comma-separated capacity slots of the pattern")
    answer_due: date
    status: str = Field(default="pending", index=True, description="pending, accepted, declined, expired, withdrawn")
    made_by: str
    proposed_at: datetime
    decided_at: datetime | None = None
    decline_reason: str | None = None
    round_id: str | None = Field(default=None, max_length=36)


class Allocation(MatchingTable, table=True):
    allocation_id: str = Field(primary_key=True, max_length=36)
    proposal_id: str = Field(max_length=36)
    request_id: str = Field(index=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    location_id: str = Field(index=True, max_length=36)
    provider_id: str = Field(max_length=36)
    start_date: date
    end_date: date = Field(description="The child ages out of the location: the place frees up")
    care_pattern: str
    slots: str = Field(description="Comma-separated capacity slots of the pattern")
    status: str = Field(default="active", index=True)
    allocated_at: datetime
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None


class AllocationRound(MatchingTable, table=True):
    round_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    start_on: date
    seed: str = Field(max_length=64)
    status: str = Field(default="draft", description="draft, confirmed")
    created_at: datetime
    confirmed_at: datetime | None = None
    summary: str = Field(description="JSON: counts, convergence, stability proof, blocking pairs")


class RoundPlacement(MatchingTable, table=True):
    round_id: str = Field(primary_key=True, max_length=36)
    request_id: str = Field(primary_key=True, max_length=36)
    location_id: str | None = Field(default=None, max_length=36)
    provider_id: str | None = Field(default=None, max_length=36)
    start_date: date | None = None
    reason: str | None = None
    proposal_id: str | None = Field(default=None, max_length=36)


metadata = MatchingTable.metadata
messaging = messaging_tables(metadata)
