"""Commands on an existing request: preferences, details, flags, withdrawal, siblings, merges."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from contracts.types import CarePattern, Preferences, WithdrawalReason
from services.intake.domain.identifiers import valid_phone
from services.intake.domain.registration import ContactChannel, PostalAddress, checked_email


class Command(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class UpdatePreferences(Command):
    """The family (or the desk) changes where it would like care."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"preferences": {"mode": "municipalities", "nis_codes": ["44021", "44013"]}}]})

    preferences: Preferences


class UpdateRequest(Command):
    """The desk corrects what the family asks for or how to reach it (only the fields given change)."""

    wanted_start_date: date | None = None
    care_pattern: CarePattern | None = None
    ikt_wanted: bool | None = None
    contact_email: EmailStr | None = None
    contact_phone: str | None = Field(default=None, max_length=30)
    contact_address: PostalAddress | None = None
    preferred_contact: ContactChannel | None = None

    @field_validator("contact_email", mode="before")
    @classmethod
    def email(cls, value: object) -> object:
        return checked_email(value)

    @field_validator("contact_phone")
    @classmethod
    def phone(cls, value: str | None) -> str | None:
        if value and not valid_phone(value):
            raise ValueError("bad_phone")
        return value


class UpdateFlags(Command):
    """Switch category flags on or off; who may switch which is in domain/flags.py."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"urgent": True}]})

    urgent: bool | None = None
    atypical_hours: bool | None = None
    vulnerable_family: bool | None = None
    specific_care_need: bool | None = None
    vulnerability_consent: bool = Field(default=False, description="The family agreed to be marked vulnerable")

    def given(self) -> dict[str, bool]:
        names = ("urgent", "atypical_hours", "vulnerable_family", "specific_care_need")
        return {name: value for name in names if (value := getattr(self, name)) is not None}


class Withdraw(Command):
    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "found_elsewhere"}]})

    reason: WithdrawalReason

    @field_validator("reason")
    @classmethod
    def not_system_reason(cls, value: str) -> str:
        if value in ("erased", "duplicate"):
            raise ValueError("bad_choice")
        return value


class LinkSibling(Command):
    sibling_id: str = Field(max_length=36)
    place_together: bool = False


class MergeDuplicate(Command):
    duplicate_id: str = Field(max_length=36, description="The request that stops counting on its own")


class HandOverLink(Command):
    send_mail: bool = Field(default=False, description="Also mail it to the family's e-mail address")
