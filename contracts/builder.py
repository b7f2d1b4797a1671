"""Build an envelope around event data with the ids that follow a user action."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from contracts.envelope import Envelope, new_event_id
from contracts.events.base import Event


def envelope_for(
    data: Event,
    *,
    occurred_at: datetime,
    correlation_id: str,
    causation_id: str | None = None,
    event_id: str | None = None,
) -> Envelope[Any]:
    return Envelope[type(data)](  # type: ignore[misc,operator]
        id=event_id or new_event_id(),
        type=data.event_type,
        source=data.owner,
        subject=data.subject(),
        time=occurred_at,
        schema_version=data.schema_version,
        correlation_id=correlation_id,
        causation_id=causation_id,
        data=data,
    )
