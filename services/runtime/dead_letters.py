"""The dead-letter record for one that cannot be applied, bounded in size.

A poison record may be far larger than our producer may send (tansu accepts records of many
megabytes, aiokafka's producer refuses requests above 1 MiB). If writing its dead letter failed,
the record could never be acknowledged and its partition would stop for good. So the dead letter
keeps at most ``MAX_VALUE_BYTES`` of the value (and bounded key and headers); a cut value is marked
with the header ``dlt-truncated`` = the original size in bytes. The original stays readable on the
topic itself (offset in ``dlt-original-offset``) for as long as the topic keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_VALUE_BYTES = 512 * 1024
MAX_KEY_BYTES = 1024
MAX_ORIGINAL_HEADER_BYTES = 16 * 1024
MAX_ERROR_CHARS = 1000


@dataclass(frozen=True)
class DeadLetter:
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]]


def _original_headers(record: Any) -> list[tuple[str, bytes]]:
    """The record's own headers while they fit in the budget; the rest is dropped."""
    kept: list[tuple[str, bytes]] = []
    used = 0
    for name, value in record.headers or ():
        size = len(name) + len(value or b"")
        if used + size > MAX_ORIGINAL_HEADER_BYTES:
            break
        kept.append((name, value or b""))
        used += size
    return kept


def dead_letter_for(record: Any, *, group: str, error: BaseException, attempts: int) -> DeadLetter:
    """Key, value and headers of the dead letter of *record*, each within the limits above."""
    value: bytes | None = record.value
    headers = [
        *_original_headers(record),
        ("dlt-original-topic", record.topic.encode()),
        ("dlt-original-partition", str(record.partition).encode()),
        ("dlt-original-offset", str(record.offset).encode()),
        ("dlt-consumer-group", group.encode()),
        ("dlt-attempts", str(attempts).encode()),
        ("dlt-error", repr(error)[:MAX_ERROR_CHARS].encode()),
    ]
    if value is not None and len(value) > MAX_VALUE_BYTES:
        headers.append(("dlt-truncated", str(len(value)).encode()))
        value = value[:MAX_VALUE_BYTES]
    key: bytes | None = record.key
    if key is not None and len(key) > MAX_KEY_BYTES:
        key = key[:MAX_KEY_BYTES]
    return DeadLetter(key=key, value=value, headers=headers)
