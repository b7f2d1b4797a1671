"""What matching's API accepts and returns (no personal data: ids, dates, patterns, flags)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from contracts.types import CarePattern, DeclineReason

ProposalStatus = Literal["pending", "accepted", "declined", "expired", "withdrawn"]


class PartialAnswer(BaseModel):
    later_start: bool = Field(description="Starts later than the family asked")
    fewer_days: bool = Field(description="Fewer days per week than the family asked")


class ProposalPublic(BaseModel):
    proposal_id: str
    request_id: str
    location_id: str
    provider_id: str
    start_date: date
    care_pattern: CarePattern
    answer_due: date
    status: ProposalStatus
    partial: PartialAnswer
    deviation: bool = Field(description="Offers days the family did not ask for: needs their explicit consent")
    made_by: str
    decline_reason: str | None = None


class ProposalCreate(BaseModel):
    location_id: str = Field(min_length=1, max_length=36)
    start_date: date
    care_pattern: CarePattern


class ResponseCreate(BaseModel):
    location_id: str = Field(min_length=1, max_length=36)
    answer: Literal["can_propose", "cannot"]
    reason_code: Literal["full", "wrong_days", "age", "hours", "other"] | None = None


class ResponsePublic(BaseModel):
    request_id: str
    location_id: str
    answer: str
    reason_code: str | None
    responded_at: datetime


class AcceptBody(BaseModel):
    accept_deviation: bool = False
    stay_listed_for_higher_preference: bool = Field(
        default=False, description="Keep the request listed at the locations the family ranked higher")


class DeclineBody(BaseModel):
    reason: DeclineReason


class AllocationPublic(BaseModel):
    allocation_id: str
    proposal_id: str
    request_id: str
    location_id: str
    start_date: date
    care_pattern: CarePattern
    status: str
    partial: PartialAnswer
    stays_listed_for_higher_preference: bool


class FeedItem(BaseModel):
    cursor: int
    change: Literal["distributed", "updated", "closed"]
    request_id: str
    location_id: str
    desk_id: str
    status: str
    wanted_start_date: date | None = None
    care_pattern: CarePattern | None = None
    child_age_months_at_start: int | None = None
    birth_expected: bool = False
    atypical_hours_needed: bool = False
    specific_care_need: bool = False
    ikt_wanted: bool = False
    urgent: bool = False
    home_nis: str | None = None
    answer_due: date | None = Field(default=None, description="Answer within the desk's period (working days)")
    answer: str | None = None


class Feed(BaseModel):
    items: list[FeedItem]
    next_cursor: int


class RoundCreate(BaseModel):
    start_on: date = Field(description="The day the places of this round start")
