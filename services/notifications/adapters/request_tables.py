"""What notifications remembers about requests and desk policies (no personal data)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from services.notifications.adapters.base import NotificationsTable


class TrackedRequest(NotificationsTable, table=True):
    """A request whose notifications and deadlines this service follows; facts from the bus only."""

    request_id: str = Field(primary_key=True, max_length=36)
    desk_id: str = Field(index=True, max_length=36)
    registered_at: datetime | None = None
    status: str = Field(default="open", max_length=20, description="open, allocated, withdrawn, merged")
    wanted_start_date: date | None = None
    weekdays: str = Field(default="", max_length=40, description="Space-separated weekdays asked for")
    home_nis: str = Field(default="", max_length=5)
    urgent: bool = False
    closed_at: datetime | None = None


class DeskPolicy(NotificationsTable, table=True):
    """One version of a desk's policy, as far as deadlines and notifications need it."""

    desk_id: str = Field(primary_key=True, max_length=36)
    version: int = Field(primary_key=True)
    valid_from: date
    provider_response_days: int
    reminder_before_days: int
    family_answer_days: int
    count_flemish_holiday: bool = True
    notification_mode: str = Field(default="immediate", max_length=20)
