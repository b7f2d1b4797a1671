"""What the driver tracks per child while the year is played (beside the ground truth)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from infra.simulator.families import Family


@dataclass
class Pending:
    proposal_id: str
    location_id: str
    answer_on: date
    decision: str  # accept, decline, expire
    answer_due: date


@dataclass
class Child:
    family: Family
    request_id: str
    desk_user: str
    family_token: str | None
    answers: list[str]
    next_proposal_on: date | None
    pending: Pending | None = None
    proposals_made: int = 0

    @property
    def actor(self) -> dict[str, Any]:
        """The family answers with its own link token; families without one go through the desk."""
        return {"bearer": self.family_token} if self.family_token else {"user": self.desk_user}


@dataclass
class Feeds:
    """What each provider's software read from matching's feed: which locations were told of a request."""

    cursors: dict[str, int] = field(default_factory=dict)  # provider account -> cursor
    told: dict[str, set[str]] = field(default_factory=dict)  # request id -> location ids

    def apply(self, items: list[dict[str, object]]) -> None:
        for item in items:
            told = self.told.setdefault(str(item["request_id"]), set())
            if item["change"] == "closed":
                told.discard(str(item["location_id"]))
            else:
                told.add(str(item["location_id"]))
