"""Dead letters stay within what a producer may send; FastStream's parsing cannot trip on raw records."""

from __future__ import annotations

from typing import Any

from aiokafka import ConsumerRecord

from services.runtime.dead_letters import MAX_KEY_BYTES, MAX_ORIGINAL_HEADER_BYTES, MAX_VALUE_BYTES, dead_letter_for
from services.runtime.raw_records import raw_bodies, tolerant_parser


def record(value: bytes | None, key: bytes | None = b"k", headers: list[tuple[str, Any]] | None = None) -> Any:
    return ConsumerRecord(topic="t.v1", partition=2, offset=7, timestamp=0, timestamp_type=0, key=key,
                          value=value, checksum=None, serialized_key_size=0, serialized_value_size=0,
                          headers=headers or [])


def test_a_small_record_is_kept_whole_with_its_origin() -> None:
    letter = dead_letter_for(record(b"{}", headers=[("a", b"1")]), group="g", error=ValueError("x"), attempts=1)
    headers = dict(letter.headers)
    assert letter.value == b"{}" and letter.key == b"k" and headers["a"] == b"1"
    assert headers["dlt-original-topic"] == b"t.v1" and headers["dlt-original-partition"] == b"2"
    assert headers["dlt-original-offset"] == b"7" and headers["dlt-consumer-group"] == b"g"
    assert "dlt-truncated" not in headers


def test_an_oversized_record_is_cut_and_marked() -> None:
    huge = b"x" * (5 * MAX_VALUE_BYTES)
    letter = dead_letter_for(record(huge, key=b"k" * 10_000, headers=[("h", b"v" * 10_000)] * 5),
                             group="g", error=ValueError("x" * 10_000), attempts=1)
    headers = dict(letter.headers)
    assert letter.value == huge[:MAX_VALUE_BYTES] and headers["dlt-truncated"] == str(len(huge)).encode()
    assert letter.key is not None and len(letter.key) == MAX_KEY_BYTES
    original = [h for h in letter.headers if not h[0].startswith("dlt-")]
    assert sum(len(k) + len(v) for k, v in original) <= MAX_ORIGINAL_HEADER_BYTES
    assert len(headers["dlt-error"]) <= 1000


async def test_binary_headers_and_bad_json_do_not_reach_faststream_decoding() -> None:
    raw = (record(b"[" * 100_000, headers=[("content-type", b"application/json"), ("bin", b"\xff"),
                                             ("none", None)]),)
    seen: list[Any] = []

    class Parsed:
        raw_message: Any = None
        body: Any = None

    async def original(message: Any) -> Any:
        for one in message:
            seen.append({name: value.decode() for name, value in one.headers})  # what FastStream does
        parsed = Parsed()
        parsed.raw_message, parsed.body = message, [one.value for one in message]
        return parsed

    parsed = await tolerant_parser(raw, original)
    assert seen == [{"content-type": "application/json", "none": ""}]
    assert parsed.raw_message is raw, "the handler gets the records as they came"
    assert await raw_bodies(parsed) == [b"[" * 100_000], "nothing is parsed as JSON"
