"""Turn contract events into facts (pure): which request they concern and what they say.

Dates that the report compares (wanted start, allocated start) come from the event data; the
moment a fact took effect is the envelope's event time, never the time it was applied.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from contracts.events import intake, matching, notifications
from contracts.events.intake import RequestSnapshot
from contracts.types import CarePattern
from services.reporting.domain.facts import Fact, FactKind, Recipient, RequestInfo


def request_info(snapshot: RequestSnapshot) -> RequestInfo:
    return RequestInfo(
        desk_id=snapshot.desk_id,
        home_nis=snapshot.home_nis,
        in_working_area=snapshot.in_working_area,
        original_wanted_start_date=snapshot.original_wanted_start_date,
        wanted_start_date=snapshot.wanted_start_date,
        days_per_week=snapshot.care_pattern.days_per_week,
        categories=snapshot.categories,
        child_birth_date=snapshot.child_birth_date,
    )


def _weekdays(pattern: CarePattern) -> tuple[str, ...]:
    return tuple(sorted({day.weekday.value for day in pattern.days}))


def fact_from_event(event_id: str, at: datetime, data: Any) -> Fact | None:
    """The fact of a request-keyed event, or None for an event that concerns no request."""
    base: dict[str, Any] = {"event_id": event_id, "at": at}
    match data:
        case intake.RequestRegistered() | intake.RequestUpdated():
            kind = FactKind.REGISTERED if isinstance(data, intake.RequestRegistered) else FactKind.UPDATED
            snapshot = data.request
            return Fact(**base, request_id=snapshot.request_id, kind=kind, desk_id=snapshot.desk_id,
                        info=request_info(snapshot))
        case intake.RequestWithdrawn():
            return Fact(**base, request_id=data.request_id, kind=FactKind.WITHDRAWN, desk_id=data.desk_id)
        case intake.RequestMerged():
            return Fact(**base, request_id=data.merged_request_id, kind=FactKind.MERGED, desk_id=data.desk_id,
                        other_request_id=data.request_id)
        case intake.RequestMergeUndone():
            return Fact(**base, request_id=data.restored_request_id, kind=FactKind.MERGE_UNDONE,
                        desk_id=data.desk_id, other_request_id=data.request_id)
        case matching.RequestDistributed():
            recipients = tuple(Recipient(location_id=r.location_id, provider_id=r.provider_id)
                               for r in data.recipients)
            return Fact(**base, request_id=data.request_id, kind=FactKind.DISTRIBUTED, desk_id=data.desk_id,
                        recipients=recipients)
        case matching.ProviderResponded():
            return Fact(**base, request_id=data.request_id, kind=FactKind.RESPONDED, desk_id=data.desk_id,
                        location_id=data.location_id, provider_id=data.provider_id, answer=data.answer)
        case matching.ProposalMade():
            return Fact(**base, request_id=data.request_id, kind=FactKind.PROPOSED, desk_id=data.desk_id,
                        proposal_id=data.proposal_id, location_id=data.location_id,
                        provider_id=data.provider_id, start_date=data.start_date,
                        allocated_days=data.care_pattern.days_per_week, weekdays=_weekdays(data.care_pattern))
        case matching.ProposalDeclined() | matching.ProposalExpired() | matching.ProposalWithdrawn():
            kind = {matching.ProposalDeclined: FactKind.DECLINED, matching.ProposalExpired: FactKind.EXPIRED,
                    matching.ProposalWithdrawn: FactKind.PROPOSAL_WITHDRAWN}[type(data)]
            return Fact(**base, request_id=data.request_id, kind=kind, desk_id=data.desk_id,
                        proposal_id=data.proposal_id, location_id=data.location_id)
        case matching.PlaceAllocated():
            return Fact(**base, request_id=data.request_id, kind=FactKind.ALLOCATED, desk_id=data.desk_id,
                        allocation_id=data.allocation_id, proposal_id=data.proposal_id,
                        location_id=data.location_id, provider_id=data.provider_id, start_date=data.start_date,
                        original_start_date=data.original_wanted_start_date,
                        requested_days=data.requested_days_per_week, allocated_days=data.allocated_days_per_week,
                        weekdays=_weekdays(data.care_pattern))
        case matching.AllocationCancelled():
            return Fact(**base, request_id=data.request_id, kind=FactKind.ALLOCATION_CANCELLED,
                        desk_id=data.desk_id, allocation_id=data.allocation_id, location_id=data.location_id)
        case matching.RequestReopened():
            return Fact(**base, request_id=data.request_id, kind=FactKind.REOPENED, desk_id=data.desk_id,
                        location_id=data.location_id, urgent=data.urgent)
        case notifications.ProviderNotified():
            return Fact(**base, request_id=data.request_id, kind=FactKind.NOTIFIED, desk_id=data.desk_id,
                        provider_id=data.provider_id)
        case notifications.ResponseOverdue():
            return Fact(**base, request_id=data.request_id, kind=FactKind.OVERDUE, desk_id=data.desk_id,
                        provider_id=data.provider_id, location_id=data.location_id, due_date=data.due_date)
    return None
