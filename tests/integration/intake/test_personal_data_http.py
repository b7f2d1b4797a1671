"""Personal data stay in intake: contact details only for those entitled, every access logged, erasure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from contracts.events.intake import REQUEST_TOPIC
from infra.demo.data import DESK_GENT, PROVIDER_KABOUTERTJES, PROVIDER_ZONNEBLOEM, demo_id
from tests.integration.intake.conftest import AloneIntake
from tests.integration.intake.helpers import bearer, service_token, user_token
from tests.support.bus import read_all
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


async def test_contact_details_reach_only_entitled_callers_and_each_access_is_logged(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url, identity = intake_alone.url, intake_alone.system.url("identity")
    body = registration(40, contact_phone="0470 00 00 40")
    request_id = (await http.post(f"{url}/api/v1/requests", json=body)).json()["request_id"]
    intake_alone.stub.recipients[request_id] = {"provider_ids": [PROVIDER_ZONNEBLOEM],
                                                "location_ids": [demo_id("location:zonnebloem-ledeberg")]}
    zonnebloem = bearer(await user_token(http, identity, "zonnebloem"))
    kaboutertjes = bearer(await user_token(http, identity, "kaboutertjes"))
    desk = bearer(await user_token(http, identity, "loket.gent"))
    notifications = bearer(await service_token(http, identity, "notifications"))

    granted = await http.get(f"{url}/api/v1/requests/{request_id}/contact", headers=zonnebloem)
    assert granted.status_code == 200, granted.text
    assert granted.json()["email"] == body["contact_email"] and granted.json()["phone"] == "0470 00 00 40"
    assert (await http.get(f"{url}/api/v1/requests/{request_id}/contact", headers=kaboutertjes)).status_code == 403
    assert (await http.get(f"{url}/api/v1/requests/{request_id}/contact", headers=notifications)).status_code == 200
    assert (await http.get(f"{url}/api/v1/requests/{request_id}/contact", headers=desk)).status_code == 200
    assert (await http.get(f"{url}/api/v1/requests/{request_id}", headers=zonnebloem)).status_code == 403
    assert intake_alone.stub.calls.count(request_id) == 2, "matching was asked for each provider"

    log = (await http.get(f"{url}/api/v1/desks/{DESK_GENT}/audit", params={"request_id": request_id},
                          headers=desk)).json()
    seen = {(row["actor_role"], row["actor_provider_id"], row["action"], row["outcome"]) for row in log}
    assert ("organisator", PROVIDER_ZONNEBLOEM, "contact", "granted") in seen
    assert ("organisator", PROVIDER_KABOUTERTJES, "contact", "refused") in seen
    assert ("service", "", "contact", "granted") in seen
    assert ("loketmedewerker", "", "contact", "granted") in seen


async def test_erasure_removes_personal_data_but_keeps_history_and_emits_nothing(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url, identity = intake_alone.url, intake_alone.system.url("identity")
    desk = bearer(await user_token(http, identity, "loket.gent"))
    body = registration(41)
    request_id = (await http.post(f"{url}/api/v1/requests", json=body)).json()["request_id"]
    refused = await http.post(f"{url}/api/v1/requests/{request_id}/erase", headers=desk)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "erase_open_request"
    assert (await http.post(f"{url}/api/v1/requests/{request_id}/withdraw", json={"reason": "found_elsewhere"},
                            headers=desk)).status_code == 200

    async def about() -> list[object]:
        return [r for r in await read_all(intake_alone.bootstrap_servers, REQUEST_TOPIC, partitions=6)
                if r.key == request_id.encode()]

    before = await eventually(about, until=lambda e: len(e) == 2, what="registered + withdrawn")
    erased = await http.post(f"{url}/api/v1/requests/{request_id}/erase", headers=desk)
    assert erased.status_code == 200, erased.text
    detail = (await http.get(f"{url}/api/v1/requests/{request_id}", headers=desk)).json()
    assert detail["erased"] and detail["contact"] is None and detail["child_first_name"] == ""
    assert detail["status"] == "withdrawn" and [h["action"] for h in detail["history"]][-1] == "erased"
    gone = await http.get(f"{url}/api/v1/requests/{request_id}/contact", headers=desk)
    assert gone.status_code == 410
    found = await http.get(f"{url}/api/v1/desks/{DESK_GENT}/worklist", params={"q": body["child_last_name"]},
                           headers=desk)
    assert found.json()["total"] == 0, "no longer findable by name"
    assert len(await about()) == len(before), "erasure emits nothing: every count stays as it was"
    # a new registration of the same child is not merged into the erased one
    again = await http.post(f"{url}/api/v1/requests", json={**body, "contact_email": "nieuw@example.org"})
    assert again.status_code == 201


async def test_retention_erases_closed_requests_after_the_desks_period(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url, identity = intake_alone.url, intake_alone.system.url("identity")
    desk = bearer(await user_token(http, identity, "loket.gent"))
    operator = bearer(await user_token(http, identity, "operator"))
    closed = (await http.post(f"{url}/api/v1/requests", json=registration(42))).json()["request_id"]
    still_open = (await http.post(f"{url}/api/v1/requests", json=registration(43))).json()["request_id"]
    await http.post(f"{url}/api/v1/requests/{closed}/withdraw", json={"reason": "moved"}, headers=desk)
    assert (await http.post(f"{url}/ops/retention", headers=desk)).status_code == 403
    await http.post(f"{url}/_test/clock", json={"now": (datetime.now(UTC) + timedelta(days=366)).isoformat()})
    try:
        assert (await http.post(f"{url}/ops/retention", headers=operator)).json()["erased"] >= 1
    finally:
        await http.post(f"{url}/_test/clock", json={"now": datetime.now(UTC).isoformat()})
    assert (await http.get(f"{url}/api/v1/requests/{closed}", headers=desk)).json()["erased"]
    assert not (await http.get(f"{url}/api/v1/requests/{still_open}", headers=desk)).json()["erased"]
