"""Where a request stands, from real contract events produced onto intake's own broker.

Events arrive out of order on purpose: the answer must not depend on it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from contracts.builder import envelope_for
from contracts.envelope import encode
from contracts.events.base import Event
from contracts.events.matching import AllocationCancelled, PlaceAllocated, ProposalMade, RequestReopened
from contracts.events.notifications import ResponseOverdue
from contracts.types import CareDay, CarePattern, Weekday
from infra.demo.data import DESK_GENT, PROVIDER_ZONNEBLOEM, demo_id
from tests.integration.intake.conftest import AloneIntake
from tests.integration.intake.helpers import bearer, user_token
from tests.integration.intake.test_duplicates_http import events_about
from tests.support.bus import produce_raw
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]

LOCATION = demo_id("location:zonnebloem-brugse-poort")
PATTERN = CarePattern(days=(CareDay(weekday=Weekday.MON), CareDay(weekday=Weekday.TUE)))


async def produce(intake: AloneIntake, event: Event, at: datetime) -> None:
    key, value, headers = encode(envelope_for(event, occurred_at=at, correlation_id=str(uuid.uuid4())))
    await produce_raw(intake.bootstrap_servers, event.topic, value, key=key,
                      headers=[(k, v.encode()) for k, v in headers.items()])


async def detail(http: httpx.AsyncClient, intake: AloneIntake, desk: dict[str, str], request_id: str) -> Any:
    return (await http.get(f"{intake.url}/api/v1/requests/{request_id}", headers=desk)).json()


async def test_allocation_cancellation_and_reopening_in_any_order(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
    request_id = (await http.post(f"{intake_alone.url}/api/v1/requests", json=registration(30))).json()["request_id"]
    t0 = datetime.now(UTC)
    proposal, first, second = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    common = dict(request_id=request_id, desk_id=DESK_GENT, location_id=LOCATION)
    allocated = dict(common, proposal_id=proposal, provider_id=PROVIDER_ZONNEBLOEM, start_date=date.today(),
                     care_pattern=PATTERN, original_wanted_start_date=date.today(), requested_days_per_week=3,
                     allocated_days_per_week=2)
    # the cancellation of the first allocation arrives before the allocation itself
    await produce(intake_alone, AllocationCancelled(allocation_id=first, reason="correction",
                                                    cancelled_at=t0 + timedelta(minutes=2), **common), t0)
    await produce(intake_alone, PlaceAllocated(allocation_id=first, allocated_at=t0 + timedelta(minutes=1),
                                               **allocated), t0)
    await produce(intake_alone, ProposalMade(proposal_id=str(uuid.uuid4()), provider_id=PROVIDER_ZONNEBLOEM,
                                             start_date=date.today(), care_pattern=PATTERN, answer_due=date.today(),
                                             made_by="provider", proposed_at=t0, **common), t0)
    # one partition per request: once the last one counts, the two before it were applied
    seen = await eventually(lambda: detail(http, intake_alone, desk, request_id),
                            until=lambda d: d["proposal_count"] == 2, what="all three applied")
    assert seen["status"] == "open"

    await produce(intake_alone, PlaceAllocated(allocation_id=second, allocated_at=t0 + timedelta(minutes=3),
                                               **allocated), t0)
    await eventually(lambda: detail(http, intake_alone, desk, request_id),
                     until=lambda d: d["status"] == "allocated", what="second allocation")
    await produce(intake_alone, RequestReopened(reason="location_closed", reopened_at=t0 + timedelta(minutes=4),
                                                **common), t0)
    reopened = await eventually(lambda: detail(http, intake_alone, desk, request_id),
                                until=lambda d: d["status"] == "open" and d["categories"]["urgent"],
                                what="reopened and urgent")
    urgent = next(f for f in reopened["flags"] if f["flag"] == "urgent")
    assert urgent["set_by_name"] == "matching"
    events = await eventually(lambda: events_about(intake_alone.bootstrap_servers, request_id),
                              until=lambda e: len(e) == 2, what="intake tells the others it is urgent now")
    assert events[-1]["type"] == "RequestUpdated" and events[-1]["data"]["request"]["categories"]["urgent"]


async def test_overdue_and_escalated_requests_show_on_the_worklist(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
    body = registration(31)
    request_id = (await http.post(f"{intake_alone.url}/api/v1/requests", json=body)).json()["request_id"]
    await produce(intake_alone, ResponseOverdue(request_id=request_id, desk_id=DESK_GENT,
                                                provider_id=PROVIDER_ZONNEBLOEM, location_id=LOCATION,
                                                due_date=date.today(), detected_at=datetime.now(UTC)),
                  datetime.now(UTC))

    async def view(name: str) -> list[str]:
        answer = await http.get(f"{intake_alone.url}/api/v1/desks/{DESK_GENT}/worklist",
                                params={"view": name, "q": body["child_last_name"]}, headers=desk)
        return [row["request_id"] for row in answer.json()["rows"]]

    assert await eventually(lambda: view("escalated"), until=lambda ids: ids == [request_id], what="escalated")
    assert await view("overdue") == []
    moved = await http.post(f"{intake_alone.url}/_test/clock",
                            json={"now": (datetime.now(UTC) + timedelta(days=14)).isoformat()})
    assert moved.status_code == 200
    try:  # five working days later, still no proposal: overdue
        assert await view("overdue") == [request_id]
    finally:
        await http.post(f"{intake_alone.url}/_test/clock", json={"now": datetime.now(UTC).isoformat()})
