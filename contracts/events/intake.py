"""Events published by intake: desks' policies and the life of a request as intake sees it."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import Field

from contracts.events.base import Event
from contracts.types import (
    CarePattern,
    CategoryFlags,
    Channel,
    Frozen,
    NisCode,
    Preferences,
    WithdrawalReason,
)

REQUEST_TOPIC = "intake.request.v1"
DESK_POLICY_TOPIC = "intake.desk-policy.v1"


class PriorityRule(Frozen):
    """One priority criterion with its weight (higher ranks first)."""

    code: Literal["work_related", "single_parent", "low_income", "foster_child", "sibling_present"]
    weight: int = Field(ge=0, le=100)


class DeskPolicyChanged(Event):
    """A desk published a new version of its policy, valid from a date (SPEC section 6)."""

    event_type: ClassVar[str] = "DeskPolicyChanged"
    owner: ClassVar[str] = "intake"
    topic: ClassVar[str] = DESK_POLICY_TOPIC

    desk_id: str
    version: int = Field(ge=1)
    valid_from: date
    working_area: tuple[NisCode, ...] = Field(min_length=1)
    provider_response_days: int = Field(ge=1, le=60, description="Working days a provider has to answer")
    reminder_before_days: int = Field(ge=0, le=30, description="Working days before the deadline")
    family_answer_days: int = Field(ge=1, le=60, description="Calendar days a family has to answer")
    earliest_answer_months: int = Field(ge=0, le=24, description="No proposal earlier than this")
    max_preferences: int = Field(ge=1, le=50)
    distribution_mode: Literal["preferences_only", "all_fitting", "broadcast_when_urgent"]
    urgent_broadcast: bool = True
    priority_rules: tuple[PriorityRule, ...] = ()
    vulnerable_quota_percent: int = Field(default=0, ge=0, le=100)
    notification_mode: Literal["immediate", "digest"] = "immediate"
    count_flemish_holiday: bool = Field(default=True, description="11 July is not a working day")
    retention_days: int = Field(default=365, ge=30)
    central_allocation: bool = False

    def subject(self) -> str:
        return self.desk_id


class RequestSnapshot(Frozen):
    """What matching and reporting need to know about a request, without personal data."""

    request_id: str
    desk_id: str
    family_ref: str = Field(description="Pseudonymous family id linking siblings; not a person")
    home_nis: NisCode
    in_working_area: bool
    child_birth_date: date = Field(description="Birth date or expected birth date")
    birth_expected: bool = False
    wanted_start_date: date
    original_wanted_start_date: date
    care_pattern: CarePattern
    atypical_hours_needed: bool = False
    specific_care_need: bool = False
    ikt_wanted: bool = False
    preferences: Preferences
    categories: CategoryFlags
    priority_codes: tuple[str, ...] = ()
    policy_version: int = Field(ge=1, description="Desk policy version in force at registration")
    sibling_request_ids: tuple[str, ...] = ()
    place_siblings_together: bool = False
    registered_at: datetime
    channel: Channel


class RequestRegistered(Event):
    """A new unique request (a duplicate is merged and never registered twice)."""

    event_type: ClassVar[str] = "RequestRegistered"
    owner: ClassVar[str] = "intake"
    topic: ClassVar[str] = REQUEST_TOPIC

    request: RequestSnapshot

    def subject(self) -> str:
        return self.request.request_id


class RequestUpdated(Event):
    """The request changed (preferences, pattern, flags, wanted start). Full snapshot."""

    event_type: ClassVar[str] = "RequestUpdated"
    owner: ClassVar[str] = "intake"
    topic: ClassVar[str] = REQUEST_TOPIC

    request: RequestSnapshot
    changed: tuple[str, ...] = Field(default=(), description="Names of the fields that changed")

    def subject(self) -> str:
        return self.request.request_id


class RequestWithdrawn(Event):
    """The family (or the desk on its behalf) withdrew the request."""

    event_type: ClassVar[str] = "RequestWithdrawn"
    owner: ClassVar[str] = "intake"
    topic: ClassVar[str] = REQUEST_TOPIC

    request_id: str
    desk_id: str
    reason: WithdrawalReason
    withdrawn_at: datetime

    def subject(self) -> str:
        return self.request_id


class RequestMerged(Event):
    """The desk merged a duplicate into a surviving request; the duplicate stops counting."""

    event_type: ClassVar[str] = "RequestMerged"
    owner: ClassVar[str] = "intake"
    topic: ClassVar[str] = REQUEST_TOPIC

    request_id: str = Field(description="The surviving request")
    merged_request_id: str = Field(description="The duplicate that stops existing on its own")
    desk_id: str
    merged_at: datetime

    def subject(self) -> str:
        return self.request_id


class RequestMergeUndone(Event):
    """The desk undid a merge: the duplicate is a request of its own again."""

    event_type: ClassVar[str] = "RequestMergeUndone"
    owner: ClassVar[str] = "intake"
    topic: ClassVar[str] = REQUEST_TOPIC

    request_id: str
    restored_request_id: str
    desk_id: str
    undone_at: datetime

    def subject(self) -> str:
        return self.request_id
