"""A request as intake keeps it: pseudonymous facts, flags, follow-up, and its bus snapshot.

Names and contact details are not here but in ``familydata`` (see personal.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from services.intake.adapters.base import IntakeTable


class CareRequest(IntakeTable, table=True):
    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    status: str = Field(default="open", index=True, description="open, allocated, withdrawn, merged")
    channel: str = "online"
    family_ref: str = Field(index=True, max_length=36)
    parent_subject: str = Field(max_length=64, description="Pseudonymous subject of the family's links")
    language: str = "nl"
    home_nis: str = Field(max_length=5)
    child_birth_date: date
    birth_expected: bool = False
    wanted_start_date: date
    original_wanted_start_date: date
    policy_version: int = 1
    answer_due: date = Field(description="Providers' answer period ends (working days)")
    urgent: bool = Field(default=False, index=True)
    atypical_hours: bool = False
    priority_group: bool = False
    vulnerable_family: bool = False
    specific_care_need: bool = False
    registered_at: datetime = Field(index=True)
    registered_by_subject: str = ""
    registered_by_role: str = ""
    on_bus: bool = Field(default=False, description="RequestRegistered was emitted for it")
    merged_into: str | None = Field(default=None, index=True, max_length=36)
    merged_at: datetime | None = None
    withdrawn_at: datetime | None = None
    withdrawal_reason: str | None = None
    reviewed_at: datetime | None = None
    escalated_at: datetime | None = None
    proposal_count: int = 0
    allocated_location_id: str | None = None
    reopened_at: datetime | None = None
    closed_at: datetime | None = Field(default=None, description="When it stopped being open (retention)")
    erased_at: datetime | None = None
    answers: str = Field(default="{}", description="Priority answers, consent, choices (JSON, no names)")
    snapshot: str = Field(description="RequestSnapshot as JSON: what the bus knows")
    updated_at: datetime
