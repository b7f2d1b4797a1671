"""Every operation of every service × every attacker: refused, public or own scope only, as the table
in ``tests/abuse/matrix.py`` says, and never an answer carrying the victim's data. The rightful
owners get through on a sample (positive control: the refusals are not a broken system)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from infra.local.stack import LocalStack
from tests.abuse.matrix import MATRIX
from tests.abuse.openapi import call_for, fetch_document, operations
from tests.abuse.principals import ATTACKERS, Victim, attackers, parent_link, password_token, register_victim
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]
SERVICES = ("intake", "offer", "matching", "notifications", "reporting", "identity")
REFUSED = {401, 403, 404}


@pytest.fixture(scope="module")
async def victim(system: LocalStack) -> AsyncIterator[Victim]:
    async with httpx.AsyncClient(timeout=30) as http:
        yield await register_victim(http, system)


@pytest.fixture(scope="module")
async def callers(system: LocalStack, victim: Victim) -> AsyncIterator[dict[str, dict[str, str]]]:
    async with httpx.AsyncClient(timeout=30) as http:
        yield await attackers(http, system, victim)


def test_every_row_has_a_code_per_attacker() -> None:
    bad = {key: codes for key, codes in MATRIX.items()
           if len(codes.split()) != len(ATTACKERS) or set(codes.split()) - {"-", "P", "O"}}
    assert not bad


def _verdict(code: str, answer: httpx.Response, victim: Victim) -> str | None:
    """What is wrong with *answer* for an attacker whose column says *code*; None if nothing."""
    if victim.request_id in answer.text or victim.family_name in answer.text:
        return "answer carries the victim's data"
    if answer.status_code >= 500:
        return "server error"
    if code == "-" and answer.status_code not in REFUSED:
        return "not refused"
    return None


@pytest.mark.parametrize("service", SERVICES)
async def test_attackers_get_nothing_of_the_victim(
    system: LocalStack, http: httpx.AsyncClient, service: str, victim: Victim, callers: dict[str, dict[str, str]],
) -> None:
    base = system.url(service)
    document = await fetch_document(http, base)
    found = {op.key: op for op in operations(service, document)}
    listed = {key for key in MATRIX if key.split()[0] == service}
    assert set(found) == listed, f"operations without a row: {sorted(set(found) - listed)}; " \
                                 f"rows without an operation: {sorted(listed - set(found))}"
    failures: list[str] = []
    for key, operation in found.items():
        call = call_for(document, operation, victim.ids())
        for role, code in zip(ATTACKERS, MATRIX[key].split(), strict=True):
            if code == "O" and operation.method != "get":
                continue  # a change in the caller's own scope: nothing to learn, something to spoil
            answer = await http.request(call.method, base + call.path, params=call.params, json=call.body,
                                        headers=callers[role])
            problem = _verdict(code, answer, victim)
            if problem:
                failures.append(f"{key} as {role}: {answer.status_code} {problem}: {answer.text[:160]}")
    assert not failures, "\n".join(failures)


async def _ok(http: httpx.AsyncClient, url: str, headers: dict[str, str]) -> Any:
    answer = await http.get(url, headers=headers)
    assert answer.status_code == 200, f"{url}: {answer.status_code} {answer.text[:200]}"
    return answer.json()


async def test_the_rightful_owners_get_through(system: LocalStack, http: httpx.AsyncClient, victim: Victim) -> None:
    family = await parent_link(http, system, victim.request_id)
    desk = await password_token(http, system, "loket.gent")
    provider = await password_token(http, system, "zonnebloem")
    intake, offer, matching = system.url("intake"), system.url("offer"), system.url("matching")
    mine = await _ok(http, f"{intake}/api/v1/requests/{victim.request_id}", family)
    assert mine["child_last_name"] == victim.family_name
    offered = await _ok(http, f"{matching}/api/v1/requests/{victim.request_id}/proposals", family)
    assert [p["proposal_id"] for p in offered] == [victim.proposal_id], "the family sees the proposal"
    contact = await _ok(http, f"{intake}/api/v1/requests/{victim.request_id}/contact", desk)
    assert contact["child_last_name"] == victim.family_name
    await _ok(http, f"{intake}/api/v1/desks/{victim.desk_id}/worklist", desk)
    location = await _ok(http, f"{offer}/api/v1/provider/locations/{victim.location_id}", provider)
    assert location["location_id"] == victim.location_id

    async def overview() -> int:
        url = f"{matching}/api/v1/requests/{victim.request_id}/overview"
        return (await http.get(url, headers=desk)).status_code

    await eventually(overview, until=lambda status: status == 200, what="the desk sees matching's overview")
    status = await _ok(http, f"{system.url('reporting')}/api/v1/projection/status", desk)
    assert status["state"] in {"live", "rebuilding"}
