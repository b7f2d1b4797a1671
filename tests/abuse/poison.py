"""Poison records for the dead-letter tests: five ways an event can be wrong, and one valid event.

Every event is built from the committed sample of its type (``contracts/samples``) with fresh ids,
so that the valid one touches nothing another test looks at (its municipality is Brugge, where no
demo desk works).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from contracts.envelope import MAX_EVENT_BYTES

SAMPLES = Path(__file__).resolve().parents[2] / "contracts" / "samples"
SAMPLE_ID = re.compile(r"00000000-0000-4000-8000-0000000000\d\d")  # the samples' ids
QUIET_NIS = "31005"  # Brugge: no demo desk, provider or test works there

# The valid event that must still be applied after the poison, per consumed topic: one whose effect
# stays with its own fresh ids.
VALID_TYPE = {
    "intake.desk-policy.v1": "DeskPolicyChanged",
    "intake.request.v1": "RequestWithdrawn",
    "offer.location.v1": "LocationClosed",
    "matching.request.v1": "ProposalExpired",
    "notifications.delivery.v1": "ResponseOverdue",
    "reporting.report-share.v1": "YearlyReportShared",
}


def valid_event(topic: str) -> dict[str, Any]:
    """A valid envelope of the topic's owner, with fresh ids everywhere."""
    text = (SAMPLES / f"{VALID_TYPE[topic]}.v1.json").read_text()
    fresh: dict[str, str] = {}
    text = SAMPLE_ID.sub(lambda found: fresh.setdefault(found.group(0), str(uuid.uuid4())), text)
    text = text.replace('"44021"', f'"{QUIET_NIS}"')
    event: dict[str, Any] = json.loads(text)
    event["id"] = str(uuid.uuid4())
    event["correlation_id"] = f"abuse-{uuid.uuid4().hex[:8]}"
    event["time"] = datetime.now(UTC).isoformat()
    return event


def _wrongly_typed(data: dict[str, Any]) -> dict[str, Any]:
    return {name: 12345 if isinstance(value, str) else "not-a-number" for name, value in data.items()}


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


Poison = tuple[bytes, list[tuple[str, bytes]]]
JSON_HEADER = [("content-type", b"application/json")]


def poison_records(topic: str) -> dict[str, Poison]:
    """Name -> (value, headers): each must end in ``<topic>.dlt``, none may stop the partition.

    The malformed one claims to be JSON in its headers and the wrongly typed one carries a binary
    header value: both once made FastStream's own decoding fail before our handler ran."""
    base = valid_event(topic)
    oversized = {**base, "id": str(uuid.uuid4()),
                 "data": {**base["data"], "padding": "x" * (2 * MAX_EVENT_BYTES)}}
    wrongly_typed = {**base, "id": str(uuid.uuid4()), "data": _wrongly_typed(base["data"])}
    unknown = {**base, "id": str(uuid.uuid4()), "type": "RequestTeleported"}
    nested_envelope = json.dumps({**base, "id": str(uuid.uuid4()), "data": None})
    deeply_nested = nested_envelope.replace('"data": null', f'"data": {{"x": {_nested(100_000)}}}')
    return {
        "malformed": (b'{"id": "half an event", "type": ', JSON_HEADER),
        "oversized": (json.dumps(oversized).encode(), JSON_HEADER),
        "deeply-nested": (deeply_nested.encode(), JSON_HEADER),
        "wrongly-typed": (json.dumps(wrongly_typed).encode(), [("trace", b"\xff\xfe\x00binary")]),
        "unknown-type": (json.dumps(unknown).encode(), []),
    }
