"""Desk policy versions as reporting needs them: working area and the providers' answer period."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PolicyVersion:
    desk_id: str
    version: int
    valid_from: date
    working_area: tuple[str, ...]
    provider_response_days: int
    count_flemish_holiday: bool
    announced_at: datetime


def policy_in_force(versions: Iterable[PolicyVersion], day: date) -> PolicyVersion | None:
    """The version valid on *day* (latest valid_from, then highest version); else the earliest one.

    Versions are business dates: a policy announced later but valid from before the cut-off
    still describes the working area on the cut-off.
    """
    known = sorted(versions, key=lambda v: (v.valid_from, v.version))
    if not known:
        return None
    valid = [v for v in known if v.valid_from <= day]
    return valid[-1] if valid else known[0]
