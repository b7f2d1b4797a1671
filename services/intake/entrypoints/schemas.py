"""What intake's API answers: response models with examples for the OpenAPI document."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from contracts.types import CarePattern, CategoryFlags, Preferences


class Registered(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "request_id": "5f0c6a1e-3a3b-4d36-9d7e-6b0f9f1f3c21", "status": "open", "request_ids": [
            "5f0c6a1e-3a3b-4d36-9d7e-6b0f9f1f3c21"], "merged": False, "merged_into": None, "desk_id": "…",
        "status_url": None}]})

    request_id: str = Field(description="The request of the (first) child")
    status: str = Field(description="open, or merged when this child already had an open request")
    request_ids: list[str] = Field(description="One request per child registered")
    merged: bool
    merged_into: str | None = Field(default=None, description="Shown to desk workers only")
    desk_id: str
    status_url: str | None = Field(default=None, description="Personal link (with ?with_link=true)")


class Person(BaseModel):
    first_name: str
    last_name: str
    national_number: str = ""


class ContactDetails(BaseModel):
    """Personal data: only through this API, to someone entitled, and every access is logged."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "request_id": "…", "child_first_name": "Noor", "child_last_name": "Peeters",
        "parents": [{"first_name": "Sara", "last_name": "Peeters", "national_number": ""}],
        "email": "sara.peeters@example.org", "phone": "0475 12 34 56", "address": None,
        "preferred_contact": "email", "language": "nl"}]})

    request_id: str
    child_first_name: str
    child_last_name: str
    parents: list[Person]
    email: str
    phone: str
    address: dict[str, str] | None
    preferred_contact: str
    language: str


class FlagInfo(BaseModel):
    flag: str
    value: bool
    set_by_role: str
    set_by_name: str
    set_at: datetime


class ChangeInfo(BaseModel):
    at: datetime
    actor_role: str
    actor_name: str
    action: str
    fields: list[str]


class SiblingInfo(BaseModel):
    request_id: str
    child_first_name: str
    status: str


class RequestDetail(BaseModel):
    request_id: str
    desk_id: str
    desk_name: str
    status: str
    channel: str
    language: str
    registered_at: datetime
    child_first_name: str
    child_last_name: str
    child_birth_date: date
    birth_expected: bool
    contact: ContactDetails | None
    home_nis: str
    municipality: str
    wanted_start_date: date
    original_wanted_start_date: date
    care_pattern: CarePattern
    preferences: Preferences
    ikt_wanted: bool
    categories: CategoryFlags
    flags: list[FlagInfo]
    priority_answers: list[str]
    priority_codes: list[str]
    priority_sworn: bool
    policy_version: int
    siblings: list[SiblingInfo]
    place_siblings_together: bool
    merged_into: str | None
    merged_duplicates: list[str]
    withdrawal_reason: str | None
    allocated_location_id: str | None
    proposal_count: int
    answer_due: date
    erased: bool
    history: list[ChangeInfo] = Field(default_factory=list, description="Desk workers only")


class WorklistRow(BaseModel):
    request_id: str
    status: str
    channel: str
    registered_at: datetime
    child_name: str
    child_birth_date: date
    birth_expected: bool
    municipality: str
    wanted_start_date: date
    categories: CategoryFlags
    proposal_count: int
    answer_due: date
    overdue: bool
    escalated: bool
    reviewed: bool
    merged_into: str | None


class Worklist(BaseModel):
    desk_id: str
    view: str
    query: str
    counts: dict[str, int]
    total: int
    page: int
    rows: list[WorklistRow]


class AuditRow(BaseModel):
    at: datetime
    request_id: str | None
    request_ids: list[str]
    actor_role: str
    actor_name: str
    actor_provider_id: str
    action: str
    outcome: str


class LinkAnswer(BaseModel):
    url: str
    mailed: bool


class Changed(BaseModel):
    request_id: str
    status: str
    changed: list[str]


class DeskInfo(BaseModel):
    desk_id: str
    name: str
    working_area: list[str]
    policy: dict[str, Any] | None = None
