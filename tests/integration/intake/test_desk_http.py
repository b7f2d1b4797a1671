"""The desk's follow-up over HTTP: counter registration, flags with who and when, worklist, referrers."""

from __future__ import annotations

import httpx
import pytest

from infra.demo.data import DESK_GENT, DESK_LEUVEN
from tests.integration.intake.conftest import AloneIntake
from tests.integration.intake.helpers import bearer, field_codes, user_token
from tests.integration.intake.test_duplicates_http import events_about
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


async def test_desk_registers_at_the_counter_flags_urgent_and_everything_is_recorded(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url = intake_alone.url
    identity = intake_alone.system.url("identity")
    desk = bearer(await user_token(http, identity, "loket.gent"))
    body = registration(20, channel="phone", contact_email=None, contact_phone="09 123 45 67",
                        categories={"urgent": True}, priority_answers=["sibling_present", "work_related"],
                        priority_sworn=True)
    answer = await http.post(f"{url}/api/v1/requests", json=body, headers=desk)
    assert answer.status_code == 201, answer.text
    request_id = answer.json()["request_id"]
    detail = (await http.get(f"{url}/api/v1/requests/{request_id}", headers=desk)).json()
    assert detail["channel"] == "phone" and detail["categories"]["urgent"]
    # judged by the rules in force today (demo version 3: the 2024 work rule was annulled in 2025)
    assert detail["policy_version"] == 3 and detail["priority_codes"] == ["sibling_present"]
    assert detail["categories"]["priority_group"]
    urgent = next(f for f in detail["flags"] if f["flag"] == "urgent")
    assert urgent["set_by_role"] == "loketmedewerker" and urgent["set_by_name"].startswith("An De Smet")

    views = (await http.get(f"{url}/api/v1/desks/{DESK_GENT}/worklist", params={"view": "urgent", "q": "091234567"},
                            headers=desk)).json()
    assert [r["request_id"] for r in views["rows"]] == [request_id]
    assert views["counts"]["new"] == 1
    assert (await http.post(f"{url}/api/v1/requests/{request_id}/reviewed", headers=desk)).status_code == 200
    cleared = await http.put(f"{url}/api/v1/requests/{request_id}/flags", json={"urgent": False}, headers=desk)
    assert cleared.json()["changed"] == ["categories"]
    after = (await http.get(f"{url}/api/v1/requests/{request_id}", headers=desk)).json()
    assert [h["action"] for h in after["history"]] == ["registered", "reviewed", "flags"]
    assert next(f for f in after["flags"] if f["flag"] == "urgent")["value"] is False
    events = await eventually(lambda: events_about(intake_alone.bootstrap_servers, request_id),
                              until=lambda e: len(e) == 2, what="registered + updated")
    assert events[-1]["type"] == "RequestUpdated" and events[-1]["data"]["changed"] == ["categories"]

    other_desk = bearer(await user_token(http, identity, "loket.leuven"))
    assert (await http.get(f"{url}/api/v1/requests/{request_id}", headers=other_desk)).status_code == 403
    assert (await http.get(f"{url}/api/v1/desks/{DESK_GENT}/worklist", headers=other_desk)).status_code == 403
    assert (await http.get(f"{url}/api/v1/desks/{DESK_LEUVEN}/worklist", params={"q": "091234567"},
                           headers=other_desk)).json()["total"] == 0
    log = (await http.get(f"{url}/api/v1/desks/{DESK_GENT}/audit", params={"request_id": request_id},
                          headers=desk)).json()
    assert {(row["action"], row["outcome"]) for row in log} >= {("detail", "granted"), ("search", "granted"),
                                                                ("detail", "refused")}


async def test_only_the_desk_sets_urgent_and_vulnerable_needs_consent(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url = intake_alone.url
    parent = await http.post(f"{url}/api/v1/requests", json=registration(21, categories={"urgent": True}))
    assert parent.status_code == 422 and field_codes(parent) == {"categories.urgent": "flag_not_allowed"}
    referrer = bearer(await user_token(http, intake_alone.system.url("identity"), "toeleider"))
    no_consent = await http.post(f"{url}/api/v1/requests", headers=referrer, json=registration(
        21, channel="referrer", categories={"vulnerable_family": True}))
    assert field_codes(no_consent) == {"vulnerability_consent": "vulnerability_consent_required"}
    by_post = registration(21, channel="referrer", contact_email=None, categories={"vulnerable_family": True},
                           vulnerability_consent=True, contact_address={
                               "street": "Dampoortstraat", "house_number": "17", "postcode": "9000", "city": "Gent"})
    answer = await http.post(f"{url}/api/v1/requests", headers=referrer, json=by_post)
    assert answer.status_code == 201, answer.text
    request_id = answer.json()["request_id"]
    mine = (await http.get(f"{url}/api/v1/my/requests", headers=referrer)).json()
    assert request_id in [r["request_id"] for r in mine]
    seen = (await http.get(f"{url}/api/v1/requests/{request_id}", headers=referrer)).json()
    assert seen["categories"]["vulnerable_family"] and seen["contact"]["preferred_contact"] == "post"
    link = await http.post(f"{url}/api/v1/requests/{request_id}/link", json={}, headers=referrer)
    assert link.status_code == 200 and "/ouders/link/" in link.json()["url"] and not link.json()["mailed"]
    urgent = await http.put(f"{url}/api/v1/requests/{request_id}/flags", json={"urgent": True}, headers=referrer)
    assert urgent.status_code == 422 and field_codes(urgent) == {"urgent": "flag_not_allowed"}


async def test_desk_corrects_a_request_links_siblings_and_merges_by_hand(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url = intake_alone.url
    desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
    first = (await http.post(f"{url}/api/v1/requests", json=registration(22))).json()["request_id"]
    sister = (await http.post(f"{url}/api/v1/requests", json=registration(23))).json()["request_id"]
    copy = (await http.post(f"{url}/api/v1/requests", json=registration(24))).json()["request_id"]

    saturday = {"days": [{"weekday": "mon"}, {"weekday": "sat", "part": "morning"}]}
    patched = await http.patch(f"{url}/api/v1/requests/{first}", headers=desk, json={
        "care_pattern": saturday, "contact_phone": "0470 99 99 99"})
    assert patched.status_code == 200, patched.text
    assert set(patched.json()["changed"]) == {"care_pattern", "categories", "atypical_hours_needed", "contact_phone"}
    bad = await http.patch(f"{url}/api/v1/requests/{first}", headers=desk, json={"wanted_start_date": "2020-01-01"})
    assert field_codes(bad) == {"wanted_start_date": "start_in_past"}

    linked = await http.post(f"{url}/api/v1/requests/{first}/siblings", headers=desk,
                             json={"sibling_id": sister, "place_together": True})
    assert linked.status_code == 200, linked.text
    detail = (await http.get(f"{url}/api/v1/requests/{sister}", headers=desk)).json()
    assert [s["request_id"] for s in detail["siblings"]] == [first] and detail["place_siblings_together"]

    merged = await http.post(f"{url}/api/v1/requests/{first}/merge", headers=desk, json={"duplicate_id": copy})
    assert merged.status_code == 200, merged.text
    again = await http.post(f"{url}/api/v1/requests/{first}/merge", headers=desk, json={"duplicate_id": copy})
    assert again.status_code == 409 and again.json()["error"]["code"] == "merge_not_possible"
    events = await eventually(lambda: events_about(intake_alone.bootstrap_servers, first, sister, copy),
                              until=lambda e: len(e) >= 7, what="three registered, two updated, one merged")
    by_type = [e["type"] for e in events]
    assert by_type.count("RequestMerged") == 1 and by_type.count("RequestUpdated") >= 3
    updated = [e for e in events if e["type"] == "RequestUpdated" and e["subject"] == first]
    assert "0470" not in str(updated), "contact details never go on the bus"
