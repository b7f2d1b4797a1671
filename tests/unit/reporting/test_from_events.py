"""Every contract event reporting consumes becomes the right fact, with its event time."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.envelope import RawEnvelope
from contracts.registry import check_producer, parse_event
from services.reporting.domain.facts import Fact, FactKind
from services.reporting.domain.from_events import fact_from_event
from services.reporting.handlers import LOCATION_EVENTS, PROJECTION_HANDLERS, REQUEST_EVENTS

SAMPLES = Path(__file__).parents[3] / "contracts" / "samples"
KINDS = {
    "RequestRegistered": FactKind.REGISTERED, "RequestUpdated": FactKind.UPDATED,
    "RequestWithdrawn": FactKind.WITHDRAWN, "RequestMerged": FactKind.MERGED,
    "RequestMergeUndone": FactKind.MERGE_UNDONE, "RequestDistributed": FactKind.DISTRIBUTED,
    "ProviderResponded": FactKind.RESPONDED, "ProposalMade": FactKind.PROPOSED,
    "ProposalDeclined": FactKind.DECLINED, "ProposalExpired": FactKind.EXPIRED,
    "ProposalWithdrawn": FactKind.PROPOSAL_WITHDRAWN, "PlaceAllocated": FactKind.ALLOCATED,
    "AllocationCancelled": FactKind.ALLOCATION_CANCELLED, "RequestReopened": FactKind.REOPENED,
    "ProviderNotified": FactKind.NOTIFIED, "ResponseOverdue": FactKind.OVERDUE,
}


def sample(event_type: str) -> object:
    body = (SAMPLES / f"{event_type}.v1.json").read_bytes()
    return parse_event(body, check_producer(RawEnvelope.model_validate_json(body)).topic)


@pytest.mark.parametrize("event_type", REQUEST_EVENTS)
def test_request_events_become_facts(event_type: str) -> None:
    envelope = sample(event_type)
    fact = fact_from_event(envelope.id, envelope.time, envelope.data)  # type: ignore[attr-defined]
    assert fact is not None
    assert fact.kind is KINDS[event_type]
    assert fact.at == envelope.time  # type: ignore[attr-defined]
    stored = Fact.from_row(fact.event_id, fact.request_id, fact.kind.value, fact.at, fact.body())
    assert stored == fact, "a fact survives its trip through the database row"


def test_every_event_of_other_services_is_handled() -> None:
    consumed = {path.name.split(".")[0] for path in SAMPLES.glob("*.v1.json")}
    consumed -= {"MunicipalityStats", "YearlyReportShared"}  # reporting's own
    assert consumed == set(PROJECTION_HANDLERS)
    assert set(LOCATION_EVENTS) | set(REQUEST_EVENTS) | {"DeskPolicyChanged"} == consumed


def test_a_merge_is_a_fact_about_the_duplicate() -> None:
    envelope = sample("RequestMerged")
    fact = fact_from_event(envelope.id, envelope.time, envelope.data)  # type: ignore[attr-defined]
    assert fact is not None
    assert (fact.request_id, fact.other_request_id) == (envelope.data.merged_request_id,  # type: ignore[attr-defined]
                                                        envelope.data.request_id)  # type: ignore[attr-defined]
