"""Desk policy, versioned by date (SPEC 6): which version is in force, and publishing a new one.

A request is judged by the version in force on its registration date and keeps that version
number for life. Rules that changed on 1 April 2024 and were annulled on 30 April 2025 are simply
three versions with their own ``valid_from``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from contracts import municipalities
from contracts.events.intake import DeskPolicyChanged, PriorityRule
from services.intake.domain.checks import Problem


def in_force(versions: Iterable[DeskPolicyChanged], on: date) -> DeskPolicyChanged | None:
    """The version valid on *on*: the latest ``valid_from`` not after it (highest version on a tie)."""
    valid = [v for v in versions if v.valid_from <= on]
    return max(valid, key=lambda v: (v.valid_from, v.version), default=None)


class PublishPolicy(BaseModel):
    """Command: a desk publishes a new version of its policy, valid from a date."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "valid_from": "2025-04-30", "working_area": ["44021", "44013", "44088"], "provider_response_days": 5,
        "reminder_before_days": 1, "family_answer_days": 10, "earliest_answer_months": 9, "max_preferences": 5,
        "distribution_mode": "broadcast_when_urgent",
        "priority_rules": [{"code": "sibling_present", "weight": 20}], "vulnerable_quota_percent": 20,
    }]})

    valid_from: date
    working_area: list[str] = Field(min_length=1, max_length=50)
    provider_response_days: int = Field(ge=1, le=60)
    reminder_before_days: int = Field(ge=0, le=30)
    family_answer_days: int = Field(ge=1, le=60)
    earliest_answer_months: int = Field(ge=0, le=24)
    max_preferences: int = Field(ge=1, le=50)
    distribution_mode: Literal["preferences_only", "all_fitting", "broadcast_when_urgent"]
    urgent_broadcast: bool = True
    priority_rules: list[PriorityRule] = Field(default_factory=list, max_length=5)
    vulnerable_quota_percent: int = Field(default=0, ge=0, le=100)
    notification_mode: Literal["immediate", "digest"] = "immediate"
    count_flemish_holiday: bool = True
    retention_days: int = Field(default=365, ge=30, le=3650)
    central_allocation: bool = False

    @field_validator("working_area")
    @classmethod
    def known_codes(cls, value: list[str]) -> list[str]:
        codes = []
        for code in value:
            current = municipalities.current_code(code)
            if current is None:
                raise ValueError("unknown_municipality")
            codes.append(current)
        return sorted(set(codes))


def check_publish(command: PublishPolicy, latest: DeskPolicyChanged | None) -> list[Problem]:
    problems = []
    if command.reminder_before_days >= command.provider_response_days:
        problems.append(Problem("reminder_before_days", "reminder_after_deadline"))
    if latest is not None and command.valid_from < latest.valid_from:
        problems.append(Problem("valid_from", "policy_before_latest"))
    if len({r.code for r in command.priority_rules}) != len(command.priority_rules):
        problems.append(Problem("priority_rules", "duplicate_priority_rule"))
    return problems


def next_version(desk_id: str, command: PublishPolicy, latest: DeskPolicyChanged | None) -> DeskPolicyChanged:
    data = command.model_dump()
    data["working_area"] = tuple(data["working_area"])
    data["priority_rules"] = tuple(command.priority_rules)
    return DeskPolicyChanged(desk_id=desk_id, version=(latest.version + 1) if latest else 1, **data)
