"""Events published by matching: distribution, answers, proposals and allocations."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from contracts.events.base import Event
from contracts.types import CarePattern, DeclineReason, Frozen

MATCHING_TOPIC = "matching.request.v1"


class Recipient(Frozen):
    location_id: str
    provider_id: str


class RequestDistributed(Event):
    """These locations were told about this request at the same moment (neutrality)."""

    event_type: ClassVar[str] = "RequestDistributed"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    request_id: str
    desk_id: str
    recipients: tuple[Recipient, ...]
    mode: Literal["preferences_only", "all_fitting", "broadcast_urgent"]
    distribution_round: int = Field(ge=1, description="1 at first; higher after a change or urgency")
    distributed_at: datetime

    def subject(self) -> str:
        return self.request_id


class ProviderResponded(Event):
    """A provider answered a distributed request for one of its locations."""

    event_type: ClassVar[str] = "ProviderResponded"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    request_id: str
    desk_id: str
    location_id: str
    provider_id: str
    answer: Literal["can_propose", "cannot"]
    reason_code: Literal["full", "wrong_days", "age", "hours", "other"] | None = None
    responded_at: datetime

    def subject(self) -> str:
        return self.request_id


class ProposalMade(Event):
    """A location offers a start date and care pattern to a family."""

    event_type: ClassVar[str] = "ProposalMade"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    proposal_id: str
    request_id: str
    desk_id: str
    location_id: str
    provider_id: str
    start_date: date
    care_pattern: CarePattern
    answer_due: date
    made_by: Literal["provider", "desk", "allocation_round"]
    proposed_at: datetime

    def subject(self) -> str:
        return self.request_id


class ProposalDeclined(Event):
    """The family declined a proposal, with a reason."""

    event_type: ClassVar[str] = "ProposalDeclined"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    proposal_id: str
    request_id: str
    desk_id: str
    location_id: str
    reason: DeclineReason
    declined_at: datetime

    def subject(self) -> str:
        return self.request_id


class ProposalExpired(Event):
    """The family did not answer within the desk's period."""

    event_type: ClassVar[str] = "ProposalExpired"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    proposal_id: str
    request_id: str
    desk_id: str
    location_id: str
    expired_at: datetime

    def subject(self) -> str:
        return self.request_id


class ProposalWithdrawn(Event):
    """A pending proposal was withdrawn (another accepted, request withdrawn, location closed)."""

    event_type: ClassVar[str] = "ProposalWithdrawn"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    proposal_id: str
    request_id: str
    desk_id: str
    location_id: str
    reason: Literal["other_accepted", "request_withdrawn", "location_closed", "by_provider"]
    withdrawn_at: datetime

    def subject(self) -> str:
        return self.request_id


class PlaceAllocated(Event):
    """The family accepted: the place is allocated. Partial answers are flagged as such."""

    event_type: ClassVar[str] = "PlaceAllocated"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    allocation_id: str
    proposal_id: str
    request_id: str
    desk_id: str
    location_id: str
    provider_id: str
    start_date: date
    care_pattern: CarePattern
    original_wanted_start_date: date
    requested_days_per_week: float
    allocated_days_per_week: float
    stays_listed_for_higher_preference: bool = False
    allocated_at: datetime

    def subject(self) -> str:
        return self.request_id


class AllocationCancelled(Event):
    """An allocation was undone (the family withdrew before the start, an error was corrected)."""

    event_type: ClassVar[str] = "AllocationCancelled"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    allocation_id: str
    request_id: str
    desk_id: str
    location_id: str
    reason: Literal["family_withdrew", "location_closed", "correction"]
    cancelled_at: datetime

    def subject(self) -> str:
        return self.request_id


class RequestReopened(Event):
    """The allocated location closed: the family needs care again, urgently."""

    event_type: ClassVar[str] = "RequestReopened"
    owner: ClassVar[str] = "matching"
    topic: ClassVar[str] = MATCHING_TOPIC

    request_id: str
    desk_id: str
    location_id: str
    reason: Literal["location_closed"]
    urgent: bool = True
    reopened_at: datetime

    def subject(self) -> str:
        return self.request_id
