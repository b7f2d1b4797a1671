"""Provider response times against the agreed period: the desk's proof that it followed up.

Why: a desk must be able to show Opgroeien (and the local consultation) which providers answer
within the agreements and which do not - in working days, as the agreements are made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import median

from services.notifications.domain.calendar import WorkingCalendar
from services.notifications.domain.deadlines import local_day


@dataclass(frozen=True)
class DeadlineFact:
    provider_id: str
    distributed_at: datetime
    due_date: date
    response_days: int
    answered_at: datetime | None
    status: str
    count_flemish_holiday: bool = True


@dataclass
class ProviderResponseStats:
    provider_id: str
    asked: int = 0
    answered_in_time: int = 0
    answered_late: int = 0
    overdue_unanswered: int = 0
    waiting: int = 0
    closed_unanswered: int = 0
    agreed_days: set[int] = field(default_factory=set)
    working_days: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        answered = self.answered_in_time + self.answered_late
        return {
            "provider_id": self.provider_id, "asked": self.asked, "answered_in_time": self.answered_in_time,
            "answered_late": self.answered_late, "overdue_unanswered": self.overdue_unanswered,
            "waiting": self.waiting, "closed_unanswered": self.closed_unanswered,
            "agreed_working_days": sorted(self.agreed_days),
            "in_time_percent": round(100 * self.answered_in_time / answered) if answered else None,
            "median_working_days": median(self.working_days) if self.working_days else None,
            "max_working_days": max(self.working_days) if self.working_days else None,
        }


def response_stats(facts: Iterable[DeadlineFact]) -> list[dict[str, object]]:
    """Per provider: how many asked, answered in time or late, still overdue, and how fast."""
    by_provider: dict[str, ProviderResponseStats] = {}
    for fact in facts:
        stats = by_provider.setdefault(fact.provider_id, ProviderResponseStats(fact.provider_id))
        stats.asked += 1
        stats.agreed_days.add(fact.response_days)
        if fact.answered_at is not None:
            answered_on = local_day(fact.answered_at)
            calendar = WorkingCalendar(fact.count_flemish_holiday)
            stats.working_days.append(calendar.between(local_day(fact.distributed_at), answered_on))
            if answered_on <= fact.due_date:
                stats.answered_in_time += 1
            else:
                stats.answered_late += 1
        elif fact.status == "overdue":
            stats.overdue_unanswered += 1
        elif fact.status == "waiting":
            stats.waiting += 1
        else:
            stats.closed_unanswered += 1
    return [by_provider[key].as_dict() for key in sorted(by_provider)]
