"""Helpers for offer's integration and end-to-end tests: tokens, clock, real events on the broker."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import httpx

from contracts.builder import envelope_for
from contracts.envelope import encode
from contracts.events.base import Event
from contracts.events.intake import DeskPolicyChanged
from contracts.events.matching import AllocationCancelled, PlaceAllocated
from contracts.types import CareDay, CarePattern, DayPart, Weekday
from infra.demo.data import DESK_GENT, DESKS, LOCATIONS, PROVIDER_KABOUTERTJES, PROVIDER_ZONNEBLOEM
from infra.local.stack import LocalStack
from tests.support.bus import produce_raw, read_all

BRUGSE_POORT = LOCATIONS[0].location_id  # Zonnebloem, Gent, 28 places
LEDEBERG = LOCATIONS[1].location_id  # Zonnebloem, Gent
DESTELBERGEN = LOCATIONS[3].location_id  # Kaboutertjes
ZONNEBLOEM, KABOUTERTJES = PROVIDER_ZONNEBLOEM, PROVIDER_KABOUTERTJES


async def token(http: httpx.AsyncClient, stack: LocalStack, username: str) -> str:
    response = await http.post(f"{stack.url('identity')}/token",
                               data={"grant_type": "password", "username": username, "password": "demo"})
    response.raise_for_status()
    return str(response.json()["access_token"])


async def bearer(http: httpx.AsyncClient, stack: LocalStack, username: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {await token(http, stack, username)}"}


async def set_clock(http: httpx.AsyncClient, stack: LocalStack, moment: datetime) -> None:
    response = await http.post(f"{stack.url('offer')}/_test/clock", json={"now": moment.isoformat()})
    response.raise_for_status()


async def produce(stack: LocalStack, event: Event, *, at: datetime | None = None) -> str:
    """A real contract event, enveloped as its owner would, onto the real broker. Returns its id."""
    envelope = envelope_for(event, occurred_at=at or datetime.now(UTC), correlation_id=str(uuid.uuid4()))
    key, value, headers = encode(envelope)
    await produce_raw(stack.bootstrap_servers, event.topic, value, key=key,
                      headers=[(k, v.encode()) for k, v in headers.items()])
    return envelope.id


def allocated(location_id: str, provider_id: str, start: date, days: tuple[Weekday, ...] = (Weekday.MON,),
              part: DayPart = DayPart.FULL, allocation_id: str | None = None) -> PlaceAllocated:
    pattern = CarePattern(days=tuple(CareDay(weekday=d, part=part) for d in days))
    return PlaceAllocated(
        allocation_id=allocation_id or str(uuid.uuid4()), proposal_id=str(uuid.uuid4()),
        request_id=str(uuid.uuid4()), desk_id=DESK_GENT, location_id=location_id, provider_id=provider_id,
        start_date=start, care_pattern=pattern, original_wanted_start_date=start,
        requested_days_per_week=len(days), allocated_days_per_week=len(days), allocated_at=datetime.now(UTC))


def cancelled(allocation_id: str, location_id: str) -> AllocationCancelled:
    return AllocationCancelled(allocation_id=allocation_id, request_id=str(uuid.uuid4()), desk_id=DESK_GENT,
                               location_id=location_id, reason="family_withdrew", cancelled_at=datetime.now(UTC))


def desk_policy(desk_index: int = 0, version: int = 1, area: tuple[str, ...] | None = None) -> DeskPolicyChanged:
    desk = DESKS[desk_index]
    return DeskPolicyChanged(
        desk_id=desk.desk_id, version=version, valid_from=date(2024, 1, 1),
        working_area=area or desk.working_area, provider_response_days=5, reminder_before_days=1,
        family_answer_days=10, earliest_answer_months=9, max_preferences=5, distribution_mode="all_fitting")


async def offer_events(stack: LocalStack, event_type: str | None = None) -> list[dict[str, Any]]:
    """Every event offer has published so far (parsed envelopes), optionally of one type."""
    import json

    records = await read_all(stack.bootstrap_servers, "offer.location.v1", partitions=3, timeout_ms=300)
    envelopes = [json.loads(record.value) for record in records]
    return [e for e in envelopes if event_type is None or e["type"] == event_type]


def location_body(**overrides: Any) -> dict[str, Any]:
    """A valid new location; by default in Aartselaar (11001), where no demo location is."""
    body: dict[str, Any] = {
        "name": f"Testopvang {uuid.uuid4().hex[:6]}", "street": "Kerkstraat 1", "postal_code": "2630",
        "city": "Aartselaar", "nis_code": "11001", "kind": "groepsopvang",
        "capacity_per_weekday": {"mon": 3, "tue": 3, "wed": 3, "thu": 3, "fri": 3}, "ikt": True,
        "opening_hours": [{"weekday": d, "opens": "07:00", "closes": "18:00"} for d in ("mon", "tue", "thu")],
        "languages": ["nl"],
    }
    body.update(overrides)
    return body


async def publish(http: httpx.AsyncClient, stack: LocalStack, headers: dict[str, str], **overrides: Any) -> str:
    response = await http.post(f"{stack.url('offer')}/api/v1/provider/locations", json=location_body(**overrides),
                               headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["location_id"])


async def free_on(http: httpx.AsyncClient, stack: LocalStack, location_id: str, day: date) -> dict[str, dict[str, int]]:
    response = await http.get(f"{stack.url('offer')}/api/v1/locations/{location_id}/free-places",
                              params={"from": day.isoformat()})
    response.raise_for_status()
    return {d["weekday"]: d for d in response.json()["days"]}
