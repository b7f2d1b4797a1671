"""Deadlines, reminders and digest moments in Brussels time, computed from the event's own time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.notifications.domain.deadlines import (
    DeadlinePolicy,
    answer_schedule,
    next_digest_at,
    response_schedule,
)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(("distributed", "policy", "due", "reminder", "overdue"), [
    # Thursday before Easter 2025, 10:00 summer time: 5 working days skip Easter Monday
    (utc(2025, 4, 17, 8), DeadlinePolicy(), date(2025, 4, 25), utc(2025, 4, 24, 7), utc(2025, 4, 25, 22)),
    # the week of the switch to summer time (30 March 2025)
    (utc(2025, 3, 28, 12), DeadlinePolicy(), date(2025, 4, 4), utc(2025, 4, 3, 7), utc(2025, 4, 4, 22)),
    # winter time around Christmas: 25 December does not count, 26 December does
    (utc(2025, 12, 22, 9), DeadlinePolicy(), date(2025, 12, 30), utc(2025, 12, 29, 8), utc(2025, 12, 30, 23)),
    # 23:30 UTC on 10 July is already 11 July in Brussels; with 11 July off, counting starts on Monday
    (utc(2025, 7, 10, 23, 30), DeadlinePolicy(provider_response_days=1, reminder_before_days=0),
     date(2025, 7, 14), utc(2025, 7, 14, 7), utc(2025, 7, 14, 22)),
    (utc(2025, 7, 10, 9), DeadlinePolicy(provider_response_days=1, count_flemish_holiday=False),
     date(2025, 7, 11), None, utc(2025, 7, 11, 22)),
    # reminder 2 working days before a due date after Ascension
    (utc(2025, 5, 26, 8), DeadlinePolicy(provider_response_days=5, reminder_before_days=2),
     date(2025, 6, 3), utc(2025, 5, 30, 7), utc(2025, 6, 3, 22)),
])
def test_provider_response_schedule(distributed: datetime, policy: DeadlinePolicy, due: date,
                                    reminder: datetime | None, overdue: datetime) -> None:
    schedule = response_schedule(distributed, policy)
    assert schedule.due_date == due
    assert schedule.reminder_at == reminder
    assert schedule.overdue_at == overdue


def test_no_reminder_when_the_period_is_too_short_for_one() -> None:
    schedule = response_schedule(utc(2025, 4, 17, 10), DeadlinePolicy(provider_response_days=1))
    assert schedule.due_date == date(2025, 4, 18)
    assert schedule.reminder_at is None  # it would be 09:00 on the day the provider was told


def test_family_answer_schedule_reminds_a_working_day_before_and_escalates_after_the_day() -> None:
    schedule = answer_schedule(utc(2025, 6, 2, 8), date(2025, 6, 10), DeadlinePolicy(reminder_before_days=1))
    assert schedule.reminder_at == utc(2025, 6, 6, 7)  # Friday: Monday 9 June is Whit Monday
    assert schedule.escalate_at == utc(2025, 6, 10, 22)


@pytest.mark.parametrize(("after", "hour", "expected"), [
    (utc(2025, 4, 17, 5, 30), 8, utc(2025, 4, 17, 6)),   # 07:30 local: today at 08:00
    (utc(2025, 4, 17, 6), 8, utc(2025, 4, 17, 6)),        # exactly at the hour: now
    (utc(2025, 4, 17, 6, 30), 8, utc(2025, 4, 18, 6)),    # 08:30 local: tomorrow
    (utc(2025, 1, 10, 16), 17, utc(2025, 1, 10, 16)),     # winter time: 17:00 local = 16:00 UTC
    (utc(2025, 3, 29, 12), 8, utc(2025, 3, 30, 6)),       # the night of the switch to summer time
])
def test_next_digest_moment(after: datetime, hour: int, expected: datetime) -> None:
    assert next_digest_at(after, hour) == expected
