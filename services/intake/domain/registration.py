"""What a family tells the desk when it registers, and the checks on it (pure rules)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, EmailStr, Field, field_validator, model_validator

from contracts import municipalities
from contracts.types import CarePattern, CategoryFlags, Channel, Preferences


class RegisterRequest(BaseModel):
    """Command: register one request for one child."""

    child_first_name: str = Field(min_length=1, max_length=100, examples=["Noor"])
    child_last_name: str = Field(min_length=1, max_length=100, examples=["Peeters"])
    child_birth_date: date = Field(description="Birth date or expected birth date", examples=["2026-03-14"])
    birth_expected: bool = False
    home_nis: str = Field(pattern=r"^\d{5}$", examples=["44021"])
    wanted_start_date: date = Field(examples=["2026-11-02"])
    care_pattern: CarePattern
    preferences: Preferences
    categories: CategoryFlags = CategoryFlags()
    ikt_wanted: bool = False
    contact_email: EmailStr | None = None
    contact_phone: str | None = Field(default=None, max_length=30)
    channel: Channel = Channel.ONLINE
    desk_id: str | None = Field(default=None, description="Desk to register at; by default the desk of home_nis")

    @field_validator("home_nis")
    @classmethod
    def known_municipality(cls, value: str) -> str:
        if municipalities.get(value) is None:
            raise ValueError("unknown_municipality")
        return municipalities.current_code(value) or value

    @model_validator(mode="after")
    def reachable(self) -> RegisterRequest:
        if not self.contact_email and not self.contact_phone:
            raise ValueError("contact_required")
        return self
