"""CloudEvents-style envelope wrapped around every event on the bus, and its Kafka encoding.

The event type and schema version are repeated in Kafka headers so that a consumer can route,
filter or dead-letter a record without parsing its body.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

DataT = TypeVar("DataT", bound=BaseModel)

HEADER_TYPE = "ce_type"
HEADER_SCHEMA_VERSION = "ce_schemaversion"
HEADER_ID = "ce_id"
HEADER_SOURCE = "ce_source"
HEADER_CORRELATION_ID = "correlation_id"
CONTENT_TYPE = "application/cloudevents+json"
# No event comes near this (ids, dates, codes, flags: a few KiB); our producers refuse requests above
# 1 MiB. The broker does not: a consumer refuses a larger record as poison instead of applying it.
MAX_EVENT_BYTES = 1024 * 1024


class Envelope(BaseModel, Generic[DataT]):
    """One event: who said what about which aggregate, when, and why (correlation, causation)."""

    model_config = ConfigDict(frozen=True)

    specversion: str = "1.0"
    id: str = Field(description="Unique event id; consumers deduplicate on it", examples=["0b6f..."])
    type: str = Field(description="Event type name", examples=["RequestRegistered"])
    source: str = Field(description="Producing service", examples=["intake"])
    subject: str = Field(description="Aggregate id; also the Kafka key")
    time: datetime = Field(description="When the fact happened (UTC); projections use this, never now()")
    schema_version: int = Field(ge=1, description="Version of the data schema of this type")
    correlation_id: str = Field(description="Follows one user action across services")
    causation_id: str | None = Field(default=None, description="Id of the event or command that caused it")
    datacontenttype: str = "application/json"
    data: DataT


class RawEnvelope(BaseModel):
    """An envelope whose data has not been validated against its model yet."""

    model_config = ConfigDict(frozen=True)

    specversion: str = "1.0"
    id: str
    type: str
    source: str
    subject: str
    time: datetime
    schema_version: int = Field(ge=1)
    correlation_id: str
    causation_id: str | None = None
    datacontenttype: str = "application/json"
    data: dict[str, Any]


def new_event_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def encode(envelope: Envelope[Any]) -> tuple[bytes, bytes, dict[str, str]]:
    """Return (key, value, headers) for Kafka: key = subject (aggregate id)."""
    value = envelope.model_dump_json().encode()
    headers = {
        HEADER_TYPE: envelope.type,
        HEADER_SCHEMA_VERSION: str(envelope.schema_version),
        HEADER_ID: envelope.id,
        HEADER_SOURCE: envelope.source,
        HEADER_CORRELATION_ID: envelope.correlation_id,
        "content-type": CONTENT_TYPE,
    }
    return envelope.subject.encode(), value, headers


def decode_raw(value: bytes) -> RawEnvelope:
    """Parse the outer envelope; raises ValueError/ValidationError on malformed input."""
    return RawEnvelope.model_validate(json.loads(value))
