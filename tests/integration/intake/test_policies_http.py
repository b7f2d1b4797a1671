"""Desk policy versions: the 2024 rules and their 2025 annulment, publishing, judging by registration date."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from contracts.events.intake import DESK_POLICY_TOPIC
from infra.demo.data import DESK_GENT, DESK_LEUVEN
from tests.integration.intake.conftest import AloneIntake
from tests.integration.intake.helpers import bearer, field_codes, user_token
from tests.support.bus import read_all
from tests.support.payloads import registration
from tests.support.waiting import eventually


def rules(policy: dict[str, Any]) -> list[str]:
    return sorted(rule["code"] for rule in policy["priority_rules"])


async def test_rules_of_april_2024_and_their_annulment_are_versions_judged_by_registration_date(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url = intake_alone.url
    on = {day: (await http.get(f"{url}/api/v1/desks/{DESK_GENT}/policy", params={"on": day})).json()
          for day in ("2024-03-31", "2024-04-01", "2025-04-29", "2025-04-30")}
    assert [p["version"] for p in on.values()] == [1, 2, 2, 3]
    assert "work_related" in rules(on["2025-04-29"]) and "work_related" not in rules(on["2025-04-30"])
    answers: dict[str, Any] = {"priority_answers": ["work_related", "single_parent"], "priority_sworn": True}

    async def register_on(day: date, index: int) -> dict[str, Any]:
        moved = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
        await http.post(f"{url}/_test/clock", json={"now": moved.isoformat()})
        body = registration(index, child_birth_date=(day - timedelta(days=90)).isoformat(),
                            wanted_start_date=(day + timedelta(days=120)).isoformat(), **answers)
        answer = await http.post(f"{url}/api/v1/requests", json=body)
        assert answer.status_code == 201, answer.text
        desk = bearer(await user_token(http, intake_alone.system.url("identity"), "loket.gent"))
        return (await http.get(f"{url}/api/v1/requests/{answer.json()['request_id']}", headers=desk)).json()

    try:
        in_2024 = await register_on(date(2024, 6, 3), 50)
        in_2025 = await register_on(date(2025, 6, 2), 51)
    finally:
        await http.post(f"{url}/_test/clock", json={"now": datetime.now(UTC).isoformat()})
    assert (in_2024["policy_version"], in_2024["priority_codes"]) == (2, ["single_parent", "work_related"])
    assert (in_2025["policy_version"], in_2025["priority_codes"]) == (3, [])
    assert in_2024["categories"]["priority_group"] and not in_2025["categories"]["priority_group"]
    assert in_2025["priority_answers"] == ["work_related", "single_parent"], "the sworn answers are kept"


async def test_a_desk_publishes_a_new_version_and_the_others_hear_of_it(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    url, identity = intake_alone.url, intake_alone.system.url("identity")
    leuven = bearer(await user_token(http, identity, "loket.leuven"))
    gent = bearer(await user_token(http, identity, "loket.gent"))
    current = (await http.get(f"{url}/api/v1/desks/{DESK_LEUVEN}/policy")).json()
    new = {key: current[key] for key in ("working_area", "provider_response_days", "reminder_before_days",
                                         "family_answer_days", "earliest_answer_months", "distribution_mode")}
    new.update(valid_from=(date.today() + timedelta(days=30)).isoformat(), max_preferences=3,
               priority_rules=[{"code": "low_income", "weight": 40}])
    assert (await http.post(f"{url}/api/v1/desks/{DESK_LEUVEN}/policies", json=new, headers=gent)).status_code == 403
    bad = await http.post(f"{url}/api/v1/desks/{DESK_LEUVEN}/policies", headers=leuven,
                          json={**new, "valid_from": "2020-01-01", "reminder_before_days": 9})
    assert field_codes(bad) == {"valid_from": "policy_before_latest", "reminder_before_days": "reminder_after_deadline"}
    published = await http.post(f"{url}/api/v1/desks/{DESK_LEUVEN}/policies", json=new, headers=leuven)
    assert published.status_code == 201, published.text
    version = published.json()["version"]
    assert (await http.get(f"{url}/api/v1/desks/{DESK_LEUVEN}/policy")).json()["version"] == current["version"]
    later = (await http.get(f"{url}/api/v1/desks/{DESK_LEUVEN}/policy", params={"on": new["valid_from"]})).json()
    assert (later["version"], later["max_preferences"]) == (version, 3)

    async def published_events() -> list[dict[str, Any]]:
        records = await read_all(intake_alone.bootstrap_servers, DESK_POLICY_TOPIC)
        return [json.loads(r.value) for r in records if r.key == DESK_LEUVEN.encode()]

    events = await eventually(published_events, until=lambda e: any(x["data"]["version"] == version for x in e),
                              what="DeskPolicyChanged on the bus")
    assert events[-1]["type"] == "DeskPolicyChanged" and events[-1]["data"]["valid_from"] == new["valid_from"]
