"""When a provider or a family must have answered, when to remind them, when to escalate.

Rules (pure, deterministic: computed from the event's own time, never from the clock):

* The provider's response period starts on the day the request was distributed (Brussels time);
  that day does not count. ``provider_response_days`` working days later is the *due date*: the
  provider may answer until the end of that day. At 00:00 the next day the answer is overdue.
* The reminder goes out at 09:00 on the working day that lies ``reminder_before_days`` working
  days before the due date (0 = the morning of the due date itself), unless that moment is not
  after the distribution (a period too short for a reminder).
* A family's answer date comes with the proposal (``ProposalMade.answer_due``, set by matching);
  the same reminder rule applies, and the desk sees it on its worklist from 00:00 after that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.notifications.domain.calendar import WorkingCalendar

BRUSSELS = ZoneInfo("Europe/Brussels")
REMINDER_HOUR = 9
DEFAULT_DIGEST_HOUR = 8


@dataclass(frozen=True)
class DeadlinePolicy:
    """The part of a desk policy that notifications needs (version 0 = no policy known yet)."""

    version: int = 0
    provider_response_days: int = 5
    reminder_before_days: int = 1
    family_answer_days: int = 10
    count_flemish_holiday: bool = True
    notification_mode: str = "immediate"

    @property
    def calendar(self) -> WorkingCalendar:
        return WorkingCalendar(count_flemish_holiday=self.count_flemish_holiday)


@dataclass(frozen=True)
class ResponseSchedule:
    due_date: date
    reminder_at: datetime | None
    overdue_at: datetime


@dataclass(frozen=True)
class AnswerSchedule:
    reminder_at: datetime | None
    escalate_at: datetime


def local_moment(day: date, at: time) -> datetime:
    """*day* at local time *at* in Brussels, as an aware UTC datetime (DST handled by zoneinfo)."""
    return datetime.combine(day, at, tzinfo=BRUSSELS).astimezone(ZoneInfo("UTC"))


def local_day(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date()


def start_of_day_after(day: date) -> datetime:
    return local_moment(day + timedelta(days=1), time(0, 0))


def _reminder(before: date, policy: DeadlinePolicy, not_before: datetime) -> datetime | None:
    moment = local_moment(policy.calendar.subtract(before, policy.reminder_before_days), time(REMINDER_HOUR))
    return moment if moment > not_before else None


def response_schedule(distributed_at: datetime, policy: DeadlinePolicy) -> ResponseSchedule:
    due = policy.calendar.add(local_day(distributed_at), policy.provider_response_days)
    return ResponseSchedule(
        due_date=due,
        reminder_at=_reminder(due, policy, distributed_at),
        overdue_at=start_of_day_after(due),
    )


def answer_schedule(proposed_at: datetime, answer_due: date, policy: DeadlinePolicy) -> AnswerSchedule:
    return AnswerSchedule(
        reminder_at=_reminder(answer_due, policy, proposed_at),
        escalate_at=start_of_day_after(answer_due),
    )


def next_digest_at(after: datetime, hour: int) -> datetime:
    """The first daily digest moment (local *hour*:00) at or after *after*."""
    day = local_day(after)
    candidate = local_moment(day, time(hour))
    if candidate < after:
        candidate = local_moment(day + timedelta(days=1), time(hour))
    return candidate
