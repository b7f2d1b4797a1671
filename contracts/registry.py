"""Every event type, its model, owner and topic; parsing with upcasting and producer checks."""

from __future__ import annotations

from typing import Any

from contracts.envelope import Envelope, RawEnvelope, decode_raw
from contracts.events import intake, matching, notifications, offer, reporting
from contracts.events.base import Event
from contracts.upcasters import upcast

EVENT_MODELS: tuple[type[Event], ...] = (
    intake.DeskPolicyChanged,
    intake.RequestRegistered,
    intake.RequestUpdated,
    intake.RequestWithdrawn,
    intake.RequestMerged,
    intake.RequestMergeUndone,
    offer.LocationPublished,
    offer.LocationChanged,
    offer.LocationClosed,
    matching.RequestDistributed,
    matching.ProviderResponded,
    matching.ProposalMade,
    matching.ProposalDeclined,
    matching.ProposalExpired,
    matching.ProposalWithdrawn,
    matching.PlaceAllocated,
    matching.AllocationCancelled,
    matching.RequestReopened,
    notifications.ProviderNotified,
    notifications.ResponseOverdue,
    reporting.MunicipalityStats,
    reporting.YearlyReportShared,
)

BY_TYPE: dict[str, type[Event]] = {m.event_type: m for m in EVENT_MODELS}


class ContractViolation(ValueError):
    """The record is not a valid event of a known type from its rightful producer."""


def events_of(owner: str) -> tuple[type[Event], ...]:
    return tuple(m for m in EVENT_MODELS if m.owner == owner)


def topics_of(owner: str) -> tuple[str, ...]:
    return tuple(sorted({m.topic for m in events_of(owner)}))


def model_for(event_type: str) -> type[Event]:
    try:
        return BY_TYPE[event_type]
    except KeyError:
        raise ContractViolation(f"unknown event type {event_type!r}") from None


def check_producer(raw: RawEnvelope, topic: str | None = None) -> type[Event]:
    """The broker enforces no ACLs (tansu): refuse events from a service that may not emit them."""
    model = model_for(raw.type)
    if raw.source != model.owner:
        raise ContractViolation(f"{raw.source!r} may not emit {raw.type} (owner is {model.owner!r})")
    if topic is not None and topic != model.topic:
        raise ContractViolation(f"{raw.type} does not belong on topic {topic!r}")
    return model


def parse_event(value: bytes, topic: str | None = None) -> Envelope[Any]:
    """Decode, check the producer, upcast and validate one record into a typed envelope."""
    raw = decode_raw(value)
    model = check_producer(raw, topic)
    data = upcast(raw.type, raw.schema_version, raw.data, model.schema_version)
    typed = model.model_validate(data)
    return Envelope[model].model_validate(  # type: ignore[valid-type]
        {**raw.model_dump(exclude={"data", "schema_version"}), "schema_version": model.schema_version,
         "data": typed}
    )
