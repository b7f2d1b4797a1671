"""The published language holds: old events still parse, no change breaks a consumer,
no event carries personal data, and the committed AsyncAPI documents are current."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from contracts.compat import breaking_changes
from contracts.envelope import RawEnvelope
from contracts.events.base import Event
from contracts.generate_asyncapi import BUS_SERVICES, asyncapi_of, snapshot_path
from contracts.registry import EVENT_MODELS, ContractViolation, check_producer, parse_event

CONTRACTS = Path(__file__).parents[2] / "contracts"
PERSONAL = ("name", "email", "phone", "address", "street", "national", "rijksregister", "postal", "iban",
            "comment", "note", "remark")


@pytest.mark.parametrize("model", EVENT_MODELS, ids=lambda m: m.event_type)
def test_no_change_breaks_a_consumer_of_the_committed_schema(model: type[Event]) -> None:
    path = snapshot_path(model.event_type, model.schema_version)
    assert path.exists(), f"no snapshot for {model.event_type} v{model.schema_version}: run make asyncapi"
    committed = json.loads(path.read_text())
    problems = breaking_changes(committed, model.model_json_schema())
    assert not problems, (
        f"{model.event_type} v{model.schema_version} would break consumers: {problems}. "
        "Publish a new version with an upcaster instead."
    )
    assert committed == json.loads(json.dumps(model.model_json_schema(), sort_keys=True)), (
        "compatible change: refresh the snapshot with `make asyncapi`"
    )


@pytest.mark.parametrize("sample", sorted((CONTRACTS / "samples").glob("*.json")), ids=lambda p: p.stem)
def test_old_event_json_still_parses(sample: Path) -> None:
    body = sample.read_bytes()
    raw = RawEnvelope.model_validate_json(body)
    envelope = parse_event(body, check_producer(raw).topic)
    assert envelope.type == raw.type
    assert envelope.id == raw.id


def _property_names(schema: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for node in [schema, *schema.get("$defs", {}).values()]:
        names |= set(node.get("properties", {}))
    return names


@pytest.mark.parametrize("model", EVENT_MODELS, ids=lambda m: m.event_type)
def test_no_personal_data_in_events(model: type[Event]) -> None:
    offending = {n for n in _property_names(model.model_json_schema()) if any(p in n for p in PERSONAL)}
    assert not offending, f"{model.event_type} carries personal data fields: {offending}"


def test_a_service_may_only_emit_its_own_events() -> None:
    sample = json.loads((CONTRACTS / "samples" / "RequestRegistered.v1.json").read_text())
    forged = {**sample, "source": "offer"}
    with pytest.raises(ContractViolation, match="may not emit"):
        parse_event(json.dumps(forged).encode(), "intake.request.v1")
    with pytest.raises(ContractViolation, match="does not belong"):
        parse_event(json.dumps(sample).encode(), "offer.location.v1")


@pytest.mark.parametrize("service", BUS_SERVICES)
def test_committed_asyncapi_document_is_current(service: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPVANG_VAR_DIR", str(tmp_path))
    committed = json.loads((CONTRACTS / "asyncapi" / f"{service}.json").read_text())
    assert asyncapi_of(service) == committed, "run `make asyncapi` and commit the result"


class _Child(BaseModel):
    weekday: str


class _V1(BaseModel):
    request_id: str
    count: int
    child: _Child
    note_code: str | None = None


class _Removed(BaseModel):
    request_id: str
    child: _Child
    note_code: str | None = None


class _Retyped(BaseModel):
    request_id: str
    count: str
    child: _Child
    note_code: str | None = None


class _NewRequired(_V1):
    extra: int


class _NewOptional(_V1):
    extra: int | None = None


class _NestedChild(BaseModel):
    weekday: int


class _NestedRetyped(BaseModel):
    request_id: str
    count: int
    child: _NestedChild
    note_code: str | None = None


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (_V1, []),
        (_NewOptional, []),
        (_Removed, ["data.count: field removed"]),
        (_Retyped, ["data.count: type changed"]),
        (_NewRequired, ["data.extra: new required field"]),
        (_NestedRetyped, ["data.child.weekday: type changed"]),
    ],
)
def test_compatibility_checker(new: type[BaseModel], expected: list[str]) -> None:
    assert breaking_changes(_V1.model_json_schema(), new.model_json_schema()) == expected
