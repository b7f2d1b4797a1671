"""Shared steps of the reporting end-to-end tests: tokens, registrations through intake, the
scenario's other events produced as their owners would, and report deltas."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from contracts.envelope import Envelope
from infra.demo.data import DESK_GENT
from infra.local.stack import LocalStack
from tests.integration.reporting.scenario import REGISTRATIONS, envelopes, follow_ups, when
from tests.support.payloads import registration

COLUMNS = ("unique", "unanswered_without_proposal", "unanswered_with_proposal", "partial_later_start",
           "partial_fewer_days")


async def token(http: httpx.AsyncClient, system: LocalStack, username: str) -> str:
    answer = await http.post(f"{system.url('identity')}/token",
                             data={"grant_type": "password", "username": username, "password": "demo"})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


async def set_clock(http: httpx.AsyncClient, system: LocalStack, service: str, moment: datetime) -> None:
    answer = await http.post(f"{system.url(service)}/_test/clock", json={"now": moment.isoformat()})
    assert answer.status_code == 200, answer.text


async def register_scenario(http: httpx.AsyncClient, system: LocalStack) -> dict[str, str]:
    """The scenario's ten families, registered at the Gent desk's counter on their registration day.

    The desk worker sets the flags only a desk may set; priority follows from a sworn answer under the
    rules in force, and a vulnerable family is flagged with the family's consent (as intake demands)."""
    ids: dict[str, str] = {}
    desk = {"Authorization": f"Bearer {await token(http, system, 'loket.gent')}"}
    try:
        for index, item in enumerate(REGISTRATIONS):
            await set_clock(http, system, "intake", when(item.registered))
            flags = set(item.flags)
            extra: dict[str, Any] = {}
            if "priority_group" in flags:
                extra.update(priority_answers=["single_parent"], priority_sworn=True)
            if "vulnerable_family" in flags:
                extra.update(vulnerability_consent=True)
            body = registration(
                9000 + index, home_nis=item.home_nis, wanted_start_date=item.start, child_birth_date="2024-11-01",
                categories=dict.fromkeys(flags - {"priority_group"}, True), desk_id=DESK_GENT,
                child_first_name=f"Rapport{uuid.uuid4().hex[:8]}", **extra,
            )
            answer = await http.post(f"{system.url('intake')}/api/v1/requests", json=body, headers=desk)
            assert answer.status_code == 201, answer.text
            ids[item.key] = answer.json()["request_id"]
    finally:
        await set_clock(http, system, "intake", datetime.now(UTC))
    return ids


def scenario_follow_ups(ids: dict[str, str]) -> list[Envelope[Any]]:
    return envelopes(follow_ups(DESK_GENT, ids))


async def report(http: httpx.AsyncClient, system: LocalStack, bearer: str, fmt: str = "json",
                 **params: Any) -> httpx.Response:
    query = {"desk_id": DESK_GENT, "year": 2025, "format": fmt, **params}
    return await http.get(f"{system.url('reporting')}/api/v1/reports/yearly", params=query,
                          headers={"Authorization": f"Bearer {bearer}"})


def delta(after: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """*after* minus *before*, cell by cell: what this test added to the desk's report."""
    def rows(document: dict[str, Any]) -> dict[str, dict[str, dict[str, int]]]:
        found = {row["key"]: row["counts"] for row in document["rows"]}
        found["total"] = document["total"]["counts"]
        return found

    old, new = rows(before), rows(after)
    diff = {key: {column: {name: value - old.get(key, {}).get(column, {}).get(name, 0)
                           for name, value in cells.items()} for column, cells in counts.items()}
            for key, counts in new.items()}
    return {"rows": [{"key": key, "counts": diff[key]} for key in new if key != "total"],
            "total": {"counts": diff["total"]}}
