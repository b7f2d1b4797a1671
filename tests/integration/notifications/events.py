"""Contract events as the owning services would publish them (test drivers, not fakes)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from contracts.events.intake import DeskPolicyChanged, RequestRegistered, RequestSnapshot
from contracts.events.matching import (
    PlaceAllocated,
    ProposalExpired,
    ProposalMade,
    ProviderResponded,
    Recipient,
    RequestDistributed,
)
from contracts.types import CareDay, CarePattern, CategoryFlags, Channel, PreferenceMode, Preferences, Weekday
from infra.demo.data import DESK_GENT, LOCATIONS, PROVIDER_KABOUTERTJES, PROVIDER_ZONNEBLOEM

ZONNEBLOEM_LOCATIONS = [loc.location_id for loc in LOCATIONS if loc.provider_id == PROVIDER_ZONNEBLOEM]
KABOUTERTJES_LOCATION = next(loc.location_id for loc in LOCATIONS if loc.provider_id == PROVIDER_KABOUTERTJES)
PATTERN = CarePattern(days=(CareDay(weekday=Weekday.MON), CareDay(weekday=Weekday.TUE), CareDay(weekday=Weekday.THU)))


def new_id() -> str:
    return str(uuid.uuid4())


def policy(version: int, *, desk_id: str = DESK_GENT, valid_from: date = date(2024, 1, 1), response_days: int = 5,
           reminder_days: int = 1, flemish: bool = True, mode: str = "immediate") -> DeskPolicyChanged:
    return DeskPolicyChanged(
        desk_id=desk_id, version=version, valid_from=valid_from, working_area=("44021",),
        provider_response_days=response_days, reminder_before_days=reminder_days, family_answer_days=10,
        earliest_answer_months=9, max_preferences=5, distribution_mode="all_fitting",
        count_flemish_holiday=flemish, notification_mode=mode,  # type: ignore[arg-type]
    )


def registered(request_id: str, at: datetime, *, desk_id: str = DESK_GENT) -> RequestRegistered:
    return RequestRegistered(request=RequestSnapshot(
        request_id=request_id, desk_id=desk_id, family_ref=new_id(), home_nis="44021", in_working_area=True,
        child_birth_date=date(2025, 1, 10), wanted_start_date=date(2025, 9, 1),
        original_wanted_start_date=date(2025, 9, 1), care_pattern=PATTERN,
        preferences=Preferences(mode=PreferenceMode.DISTANCE, max_distance_km=5), categories=CategoryFlags(),
        policy_version=1, registered_at=at, channel=Channel.ONLINE,
    ))


def distributed(request_id: str, at: datetime, recipients: list[tuple[str, str]], *, round_no: int = 1,
                desk_id: str = DESK_GENT) -> RequestDistributed:
    return RequestDistributed(
        request_id=request_id, desk_id=desk_id, mode="all_fitting", distribution_round=round_no, distributed_at=at,
        recipients=tuple(Recipient(location_id=loc, provider_id=prov) for loc, prov in recipients),
    )


def zonnebloem() -> list[tuple[str, str]]:
    return [(loc, PROVIDER_ZONNEBLOEM) for loc in ZONNEBLOEM_LOCATIONS[:2]]


def proposal(request_id: str, at: datetime, answer_due: date, *, location_id: str | None = None,
             start: date = date(2025, 9, 1), desk_id: str = DESK_GENT) -> ProposalMade:
    return ProposalMade(
        proposal_id=new_id(), request_id=request_id, desk_id=desk_id,
        location_id=location_id or ZONNEBLOEM_LOCATIONS[0], provider_id=PROVIDER_ZONNEBLOEM, start_date=start,
        care_pattern=PATTERN, answer_due=answer_due, made_by="provider", proposed_at=at,
    )


def responded(request_id: str, location_id: str, at: datetime, *, answer: str = "cannot",
              desk_id: str = DESK_GENT) -> ProviderResponded:
    return ProviderResponded(request_id=request_id, desk_id=desk_id, location_id=location_id,
                             provider_id=PROVIDER_ZONNEBLOEM, answer=answer, responded_at=at,  # type: ignore[arg-type]
                             reason_code="full" if answer == "cannot" else None)


def expired(made: ProposalMade, at: datetime) -> ProposalExpired:
    return ProposalExpired(proposal_id=made.proposal_id, request_id=made.request_id, desk_id=made.desk_id,
                           location_id=made.location_id, expired_at=at)


def allocated(made: ProposalMade, at: datetime, *, start: date, days: tuple[Weekday, ...]) -> PlaceAllocated:
    return PlaceAllocated(
        allocation_id=new_id(), proposal_id=made.proposal_id, request_id=made.request_id, desk_id=made.desk_id,
        location_id=made.location_id, provider_id=made.provider_id, start_date=start,
        care_pattern=CarePattern(days=tuple(CareDay(weekday=d) for d in days)),
        original_wanted_start_date=date(2025, 9, 1), requested_days_per_week=3, allocated_days_per_week=len(days),
        allocated_at=at,
    )
