"""Value types shared by events of several owners: care patterns, flags, preferences."""

from __future__ import annotations

from datetime import time
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

NisCode = Annotated[
    str,
    StringConstraints(pattern=r"^\d{5}$"),
    Field(description="Municipality NIS code (Statbel REFNIS, 2025 boundaries)", examples=["44021"]),
]



def _local_time(value: time) -> time:
    """Hours of care and opening hours are local wall-clock times. A time with an offset (or a number,
    which pydantic reads as seconds in UTC) cannot be compared with them: comparing raised a
    TypeError (found by schemathesis: 500 on a registration with ``"end": 0``)."""
    if value.tzinfo is not None:
        raise ValueError("local_time_expected")
    return value


LocalTime = Annotated[time, AfterValidator(_local_time)]


class Weekday(StrEnum):
    """Days of the week, Monday first as in Belgian care agreements."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


class DayPart(StrEnum):
    """Full day or one half of it."""

    FULL = "full"
    MORNING = "morning"
    AFTERNOON = "afternoon"


class Frozen(BaseModel):
    """Base of every contract model: immutable, unknown fields ignored for forward compatibility."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class CareDay(Frozen):
    """One weekday of a wanted or offered care pattern."""

    weekday: Weekday
    part: DayPart = DayPart.FULL
    start: LocalTime | None = Field(default=None, description="Drop-off time when known", examples=["07:30"])
    end: LocalTime | None = Field(default=None, description="Pick-up time when known", examples=["17:30"])


class CarePattern(Frozen):
    """Which days (and parts of days) care is wanted or offered."""

    days: tuple[CareDay, ...] = Field(min_length=1)

    @property
    def days_per_week(self) -> float:
        """Full day counts one, a half day counts one half."""
        return sum(1.0 if d.part is DayPart.FULL else 0.5 for d in self.days)

    @property
    def weekdays(self) -> frozenset[Weekday]:
        return frozenset(d.weekday for d in self.days)

    def covers(self, other: CarePattern) -> bool:
        """True when every day-part of *other* is within this pattern (other is a subset)."""
        mine = {(d.weekday, d.part) for d in self.days}
        for day in other.days:
            if (day.weekday, day.part) in mine or (day.weekday, DayPart.FULL) in mine:
                continue
            return False
        return True


class CategoryFlags(Frozen):
    """The five categories Opgroeien asks counts for (SPEC section 5)."""

    urgent: bool = False
    atypical_hours: bool = False
    priority_group: bool = False
    vulnerable_family: bool = False
    specific_care_need: bool = False

    def names(self) -> tuple[str, ...]:
        return tuple(name for name, value in self.model_dump().items() if value)


class PreferenceMode(StrEnum):
    RANKED = "ranked"
    DISTANCE = "distance"
    MUNICIPALITIES = "municipalities"


class Preferences(Frozen):
    """Where a family would like care: a ranked list, a radius, or a set of municipalities."""

    mode: PreferenceMode
    location_ids: tuple[str, ...] = Field(default=(), description="Ranked location ids, first is best")
    max_distance_km: float | None = Field(default=None, ge=0, le=100)
    nis_codes: tuple[NisCode, ...] = ()


class Channel(StrEnum):
    """How a request reached the desk."""

    ONLINE = "online"
    DESK = "desk"
    PHONE = "phone"
    REFERRER = "referrer"
    PROVIDER = "provider"


WithdrawalReason = Literal["found_elsewhere", "no_longer_needed", "moved", "duplicate", "erased", "other"]
DeclineReason = Literal[
    "too_far", "wrong_days", "too_late", "too_expensive", "found_elsewhere", "no_longer_needed", "other"
]
