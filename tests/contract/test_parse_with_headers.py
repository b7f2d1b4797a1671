"""Parsing with the record's headers (one validation pass) gives exactly what the long way gives,
and headers that do not match the body never let a record through that the long way refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from contracts.envelope import RawEnvelope, encode
from contracts.registry import ContractViolation, check_producer, parse_event

SAMPLES = sorted((Path(__file__).parents[2] / "contracts" / "samples").glob("*.json"))


def _headers(body: bytes) -> list[tuple[str, bytes]]:
    raw = RawEnvelope.model_validate_json(body)
    return [("ce_type", raw.type.encode()), ("ce_schemaversion", str(raw.schema_version).encode()),
            ("ce_source", raw.source.encode())]


def _outcome(body: bytes, topic: str | None, headers: Any) -> object:
    try:
        return parse_event(body, topic, headers)
    except (ContractViolation, ValidationError, ValueError) as exc:
        return type(exc)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_same_envelope_with_and_without_headers(sample: Path) -> None:
    body = sample.read_bytes()
    topic = check_producer(RawEnvelope.model_validate_json(body)).topic
    slow = parse_event(body, topic)
    fast = parse_event(body, topic, _headers(body))
    assert fast == slow
    assert type(fast) is type(slow)
    assert encode(fast) == encode(slow)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_headers_that_lie_change_nothing(sample: Path) -> None:
    body = sample.read_bytes()
    raw = json.loads(body)
    topic = check_producer(RawEnvelope.model_validate_json(body)).topic
    forged_source = json.dumps({**raw, "source": "portal"}).encode()
    broken_data = json.dumps({**raw, "data": {"nothing": "useful"}}).encode()
    older = json.dumps({**raw, "schema_version": 99}).encode()
    for body_variant in (body, forged_source, broken_data, older):
        for headers in (_headers(body), [("ce_type", b"LocationClosed"), ("ce_schemaversion", b"1")],
                        [("ce_type", b"Unknown"), ("ce_schemaversion", b"1")], [("ce_type", None)], []):
            for where in (topic, "offer.location.v1", None):
                assert _outcome(body_variant, where, headers) == _outcome(body_variant, where, None)
