"""A family asks once: a second registration of the same child is merged, shown to the desk, undoable."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from contracts.events.intake import REQUEST_TOPIC
from infra.demo.data import DESK_GENT
from tests.integration.intake.conftest import AloneIntake
from tests.integration.intake.helpers import bearer, mails_to, user_token
from tests.support.bus import read_all
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


async def events_about(bootstrap: str, *ids: str) -> list[dict[str, Any]]:
    records = await read_all(bootstrap, REQUEST_TOPIC, partitions=6)
    found = [json.loads(r.value) for r in records]
    return [e for e in found if e["subject"] in ids or e["data"].get("merged_request_id") in ids
            or e["data"].get("restored_request_id") in ids]


async def test_same_child_registered_twice_is_merged_once_and_the_desk_can_undo_it(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url, bus = intake_alone.url, intake_alone.bootstrap_servers
    first_body = registration(10, contact_phone="0475 12 34 56")
    first = (await http.post(f"{url}/api/v1/requests", json=first_body)).json()["request_id"]
    # same child, other spelling, other e-mail, but the same phone number written differently
    again = registration(10, child_first_name="kind10", child_last_name=first_body["child_last_name"].upper(),
                         child_birth_date=first_body["child_birth_date"], contact_email="nieuw@example.org",
                         contact_phone="+32 475 123 456")
    answer = await http.post(f"{url}/api/v1/requests", json=again)
    assert answer.status_code == 200, answer.text
    merged = answer.json()
    assert merged["status"] == "merged" and merged["merged"] is True
    assert merged["merged_into"] is None, "an anonymous caller does not learn the other request's id"
    duplicate = merged["request_id"]

    # the link goes to the address the open request already had, never to the new one
    await eventually(lambda: _count(intake_alone, first_body["contact_email"]), until=lambda n: n == 2,
                     what="status link and merge notice to the known address")
    assert mails_to(intake_alone.system.maildir, "nieuw@example.org") == []

    desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
    view = (await http.get(f"{url}/api/v1/desks/{DESK_GENT}/worklist", headers=desk, params={
        "view": "merged", "q": first_body["child_last_name"]})).json()
    assert [(r["request_id"], r["merged_into"]) for r in view["rows"]] == [(duplicate, first)]
    survivor = (await http.get(f"{url}/api/v1/requests/{first}", headers=desk)).json()
    assert survivor["merged_duplicates"] == [duplicate]
    assert "duplicate_merged" in [h["action"] for h in survivor["history"]]

    events = await eventually(lambda: events_about(bus, first, duplicate), until=lambda e: len(e) >= 2,
                              what="registered + merged on the bus")
    assert sorted(e["type"] for e in events) == ["RequestMerged", "RequestRegistered"]
    assert all(e["data"].get("request", {}).get("request_id") != duplicate for e in events), \
        "a merged duplicate is never a request of its own on the bus"

    undo = await http.post(f"{url}/api/v1/requests/{duplicate}/unmerge", headers=desk)
    assert undo.status_code == 200, undo.text
    events = await eventually(lambda: events_about(bus, first, duplicate), until=lambda e: len(e) >= 4,
                              what="merge undone on the bus")
    types = [e["type"] for e in events]
    assert types.count("RequestMergeUndone") == 1 and types.count("RequestRegistered") == 2
    restored = (await http.get(f"{url}/api/v1/requests/{duplicate}", headers=desk)).json()
    assert restored["status"] == "open" and restored["merged_into"] is None
    again_undo = await http.post(f"{url}/api/v1/requests/{duplicate}/unmerge", headers=desk)
    assert again_undo.status_code == 409 and again_undo.json()["error"]["code"] == "not_merged"


async def _count(intake: AloneIntake, address: str) -> int:
    return len(mails_to(intake.system.maildir, address))


async def test_siblings_registered_together_get_one_request_each_linked_to_each_other(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    body = registration(11, place_siblings_together=True, siblings=[
        {"first_name": "Tweeling", "last_name": "Test", "birth_date": registration(11)["child_birth_date"]}])
    answer = await http.post(f"{intake_alone.url}/api/v1/requests", json=body)
    assert answer.status_code == 201, answer.text
    first, second = answer.json()["request_ids"]
    events = await eventually(lambda: events_about(intake_alone.bootstrap_servers, first, second),
                              until=lambda e: len(e) == 2, what="two registrations")
    snapshots = {e["data"]["request"]["request_id"]: e["data"]["request"] for e in events}
    assert snapshots[first]["sibling_request_ids"] == [second]
    assert snapshots[second]["sibling_request_ids"] == [first]
    assert snapshots[first]["place_siblings_together"] and snapshots[second]["place_siblings_together"]
    assert snapshots[first]["family_ref"] == snapshots[second]["family_ref"]
    for snapshot in snapshots.values():  # events carry no names or contact details
        assert "Tweeling" not in json.dumps(snapshot) and "@" not in json.dumps(snapshot)


async def test_two_identical_registrations_at_the_same_moment_make_one_request(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    body = registration(12)
    answers = await asyncio.gather(*(http.post(f"{intake_alone.url}/api/v1/requests", json=body) for _ in range(4)))
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 201]
    first = next(a.json()["request_id"] for a in answers if a.status_code == 201)
    desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
    survivor = (await http.get(f"{intake_alone.url}/api/v1/requests/{first}", headers=desk)).json()
    assert len(survivor["merged_duplicates"]) == 3
