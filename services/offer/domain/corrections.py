"""A provider's correction of derived free places: visible as such, ending when it says so.

Only downward: the licence is the ceiling, and the derivation already frees a place when an
allocation is cancelled or ends. Reasons are a short list so a desk can read them at a glance.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from contracts.types import Weekday

Reason = Literal["staff_shortage", "closed_group", "placed_outside_desk", "other"]


class CorrectionIn(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    weekdays: tuple[Weekday, ...] = Field(min_length=1, examples=[["mon", "tue", "wed", "thu", "fri"]])
    places_delta: int = Field(ge=-300, examples=[-2], description="Negative: this many places fewer")
    valid_from: date | None = Field(default=None, description="Default: today", examples=["2026-10-01"])
    valid_until: date | None = Field(default=None, description="Last day it applies; empty = until you end it")
    reason: Reason = Field(examples=["staff_shortage"])
    note: str = Field(default="", max_length=200, examples=["Twee begeleiders met langdurig ziekteverlof"])

    @field_validator("places_delta")
    @classmethod
    def _negative(cls, value: int) -> int:
        if value >= 0:
            raise ValueError("correction_negative")
        return value

    @field_validator("weekdays")
    @classmethod
    def _ordered(cls, value: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        order = list(Weekday)
        return tuple(sorted(set(value), key=order.index))

    @model_validator(mode="after")
    def _period(self) -> CorrectionIn:
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError("correction_period")
        return self


def end_date(valid_from: date, last_day: date) -> date:
    """The new valid_until when a provider ends a correction on *last_day*.

    Ending before it started withdraws it: it then ends the day before it would have begun.
    """
    return last_day if last_day >= valid_from else valid_from - timedelta(days=1)
