"""FastStream's parsing of a batch, made harmless for records we have not checked yet.

FastStream decodes every record of a batch before our handler runs: JSON bodies (a record nested
deeper than Python's stack, or a body that is not JSON under a ``content-type: application/json``
header, raises there) and header values as UTF-8 (a binary header value raises there). Such an
exception happens outside our handler, so with ``NACK_ON_ERROR`` the batch is sought back and read
again forever: one record would stop its partition. Our handler reads the raw records itself
(``EventProcessor`` parses, checks and dead-letters them), so:

* the decoder keeps the raw bodies and parses nothing;
* the parser gives FastStream copies whose headers are valid UTF-8, and hands our handler the
  records exactly as they came off the broker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

from aiokafka import ConsumerRecord


def _is_text(value: bytes) -> bool:
    try:
        value.decode()
    except UnicodeDecodeError:
        return False
    return True


def _text_headers(record: ConsumerRecord[Any, Any]) -> ConsumerRecord[Any, Any]:
    """A copy whose header values are all UTF-8 bytes (binary ones left out, none turned into b"")."""
    headers = [(name, value or b"") for name, value in record.headers or ()]
    return dataclasses.replace(record, headers=[(name, value) for name, value in headers if _is_text(value)])


async def tolerant_parser(
    message: tuple[ConsumerRecord[Any, Any], ...], original: Callable[[Any], Awaitable[Any]]
) -> Any:
    """FastStream's own batch parser on header-safe copies; the raw records stay the originals."""
    parsed = await original(tuple(_text_headers(record) for record in message))
    parsed.raw_message = message
    return parsed


async def raw_bodies(message: Any) -> Any:
    """Decoder: the bodies as bytes; the handler parses and checks them."""
    return message.body
