"""A small, readable world for the tests: one desk, its policy, a few locations, requests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from contracts.events.intake import DeskPolicyChanged, PriorityRule, RequestRegistered, RequestSnapshot
from contracts.events.offer import LocationPublished, LocationSnapshot
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, Preferences, Weekday

DESK = "desk-gent"
PROVIDER = "provider-zon"
OTHER_PROVIDER = "provider-kab"
WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)


def policy(**overrides: Any) -> DeskPolicyChanged:
    body: dict[str, Any] = dict(
        desk_id=DESK, version=1, valid_from=date(2024, 1, 1), working_area=("44021", "44013"),
        provider_response_days=5, reminder_before_days=1, family_answer_days=10, earliest_answer_months=9,
        max_preferences=5, distribution_mode="all_fitting",
        priority_rules=(PriorityRule(code="work_related", weight=10), PriorityRule(code="low_income", weight=20)),
        vulnerable_quota_percent=0,
    )
    body.update(overrides)
    return DeskPolicyChanged(**body)


def location(location_id: str, *, provider: str = PROVIDER, nis: str = "44021", places: int = 2,
             **overrides: Any) -> LocationPublished:
    body: dict[str, Any] = dict(
        location_id=location_id, provider_id=provider, nis_code=nis, latitude=51.05, longitude=3.72,
        kind="groepsopvang", capacity_per_weekday={d: places for d in WORKDAYS}, age_min_months=0,
        age_max_months=36, ikt=True,
    )
    body.update(overrides)
    return LocationPublished(location=LocationSnapshot(**body), published_at=datetime(2026, 1, 1, tzinfo=UTC))


def pattern(*days: str) -> CarePattern:
    return CarePattern(days=tuple(CareDay(weekday=Weekday(d)) for d in days))


def request(request_id: str, *, wanted: date = date(2027, 3, 1), days: tuple[str, ...] = ("mon", "tue", "thu"),
            registered: datetime | None = None, **overrides: Any) -> RequestRegistered:
    body: dict[str, Any] = dict(
        request_id=request_id, desk_id=DESK, family_ref=f"family-{request_id}", home_nis="44021",
        in_working_area=True, child_birth_date=wanted - timedelta(days=200), wanted_start_date=wanted,
        original_wanted_start_date=wanted, care_pattern=pattern(*days),
        preferences=Preferences(mode="distance", max_distance_km=10), categories=CategoryFlags(),
        policy_version=1, registered_at=registered or datetime(2026, 10, 1, tzinfo=UTC), channel=Channel.ONLINE,
    )
    body.update(overrides)
    return RequestRegistered(request=RequestSnapshot(**body))
