"""Rows to API shapes: proposals with their partial-answer flags, allocations, feed items."""

from __future__ import annotations

from datetime import date

from contracts.events.intake import RequestSnapshot
from contracts.types import CarePattern
from services.matching.adapters.tables import Allocation, Proposal
from services.matching.domain.proposals import is_overdue, partial_flags
from services.matching.domain.slots import is_subset
from services.matching.entrypoints.schemas import AllocationPublic, PartialAnswer, ProposalPublic


def proposal_public(row: Proposal, snapshot: RequestSnapshot, today: date) -> ProposalPublic:
    pattern = CarePattern.model_validate_json(row.care_pattern)
    flags = partial_flags(snapshot, row.start_date, pattern)
    status = "expired" if row.status == "pending" and is_overdue(row.answer_due, today) else row.status
    return ProposalPublic(
        proposal_id=row.proposal_id, request_id=row.request_id, location_id=row.location_id,
        provider_id=row.provider_id, start_date=row.start_date, care_pattern=pattern, answer_due=row.answer_due,
        status=status,  # type: ignore[arg-type]
        partial=PartialAnswer(later_start=flags.later_start, fewer_days=flags.fewer_days),
        deviation=not is_subset(pattern, snapshot.care_pattern), made_by=row.made_by,
        decline_reason=row.decline_reason,
    )


def allocation_public(row: Allocation, snapshot: RequestSnapshot, listed: bool) -> AllocationPublic:
    pattern = CarePattern.model_validate_json(row.care_pattern)
    flags = partial_flags(snapshot, row.start_date, pattern)
    return AllocationPublic(
        allocation_id=row.allocation_id, proposal_id=row.proposal_id, request_id=row.request_id,
        location_id=row.location_id, start_date=row.start_date, care_pattern=pattern, status=row.status,
        partial=PartialAnswer(later_start=flags.later_start, fewer_days=flags.fewer_days),
        stays_listed_for_higher_preference=listed,
    )
