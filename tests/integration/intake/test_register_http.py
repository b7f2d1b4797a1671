"""Registering over real HTTP: the mail with the personal link, bad input, idempotency, rate limits."""

from __future__ import annotations

import uuid
from email.message import EmailMessage

import httpx

from infra.local.stack import LocalStack
from tests.integration.intake.conftest import RATE_LIMIT, AloneIntake
from tests.integration.intake.helpers import bearer, field_codes, link_token, mails_to, user_token
from tests.support.payloads import registration
from tests.support.waiting import eventually


async def test_online_registration_mails_a_personal_link_that_opens_only_this_family(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    intake = system.url("intake")
    body = registration(1, parents=[{"first_name": "Sara", "last_name": "Peeters"}])
    answer = await http.post(f"{intake}/api/v1/requests", json=body)
    assert answer.status_code == 201, answer.text
    request_id = answer.json()["request_id"]
    other = (await http.post(f"{intake}/api/v1/requests", json=registration(2))).json()["request_id"]

    mails = await eventually(lambda: _mails(system, body["contact_email"]), what="the status-link mail")
    token = link_token(mails[0])
    mine = await http.get(f"{intake}/api/v1/requests/{request_id}", headers=bearer(token))
    assert mine.status_code == 200, mine.text
    detail = mine.json()
    assert detail["child_first_name"] == "Kind1" and detail["status"] == "open"
    assert detail["contact"]["parents"][0]["first_name"] == "Sara"
    assert detail["history"] == [], "the history is for the desk"
    theirs = await http.get(f"{intake}/api/v1/requests/{other}", headers=bearer(token))
    assert theirs.status_code == 403
    anonymous = await http.get(f"{intake}/api/v1/requests/{request_id}")
    assert anonymous.status_code == 401

    desk = await user_token(http, system.url("identity"), "loket.gent")
    log = (await http.get(f"{intake}/api/v1/desks/{detail['desk_id']}/audit", params={"request_id": other},
                          headers=bearer(desk))).json()
    assert any(row["outcome"] == "refused" and row["actor_role"] == "ouder" for row in log)


async def _mails(system: LocalStack, address: str) -> list[EmailMessage]:
    return mails_to(system.maildir, address)


async def test_bad_input_gets_every_problem_in_the_callers_language_and_saves_nothing(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    intake = system.url("intake")
    body = registration(3, contact_email=None, child_national_number="12345678901", home_nis="99999",
                        wanted_start_date="2020-01-01", consent=False)
    answer = await http.post(f"{intake}/api/v1/requests", json=body, headers={"Accept-Language": "fr"})
    assert answer.status_code == 422
    codes = field_codes(answer)
    assert codes == {"child_national_number": "bad_national_number", "home_nis": "unknown_municipality",
                     "consent": "consent_required"}
    assert "commune" in answer.json()["error"]["fields"][1]["message"]
    # the field checks pass; now the checks across fields and against today
    body = registration(3, contact_email=None, wanted_start_date="2020-01-01",
                        preferences={"mode": "ranked", "location_ids": []})
    answer = await http.post(f"{intake}/api/v1/requests?lang=en", json=body)
    assert answer.status_code == 422
    assert field_codes(answer) == {"contact_email": "contact_required", "wanted_start_date": "start_in_past",
                                   "preferences": "preferences_empty"}
    assert answer.json()["error"]["fields"][0]["message"].startswith("Give an e-mail address")
    desk = await user_token(http, system.url("identity"), "loket.gent")
    found = await http.get(f"{intake}/api/v1/desks/{_gent()}/worklist", params={"q": body["child_last_name"]},
                           headers=bearer(desk))
    assert found.json()["total"] == 0, "nothing half-saved"


def _gent() -> str:
    from infra.demo.data import DESK_GENT

    return DESK_GENT


async def test_a_repeated_post_with_the_same_idempotency_key_registers_once(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    intake = system.url("intake")
    body = registration(4)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = await http.post(f"{intake}/api/v1/requests", json=body, headers=key)
    second = await http.post(f"{intake}/api/v1/requests", json=body, headers=key)
    assert first.status_code == second.status_code == 201
    assert first.json()["request_id"] == second.json()["request_id"]
    assert second.headers.get("idempotent-replayed") == "true"
    reused = await http.post(f"{intake}/api/v1/requests", json=registration(5), headers=key)
    assert reused.status_code == 422 and reused.json()["error"]["code"] == "idempotency_mismatch"
    desk = await user_token(http, system.url("identity"), "loket.gent")
    found = await http.get(f"{intake}/api/v1/desks/{_gent()}/worklist", params={"q": body["child_last_name"]},
                           headers=bearer(desk))
    assert found.json()["total"] == 1


async def test_anonymous_registrations_are_rate_limited_per_client(
    intake_alone: AloneIntake, http: httpx.AsyncClient
) -> None:
    """Counted per client address as the trusted front end names it; bad input counts too."""
    family = {"X-Forwarded-For": f"198.51.100.{uuid.uuid4().int % 250}"}
    for _ in range(RATE_LIMIT):
        answer = await http.post(f"{intake_alone.url}/api/v1/requests", json={"consent": True}, headers=family)
        assert answer.status_code == 422
    limited = await http.post(f"{intake_alone.url}/api/v1/requests", json=registration(6), headers=family)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    assert "Probeer het over" in limited.json()["error"]["message"]
    neighbour = {"X-Forwarded-For": "203.0.113.9"}
    assert (await http.post(f"{intake_alone.url}/api/v1/requests", json=registration(7),
                            headers=neighbour)).status_code == 201


async def test_a_lost_link_is_mailed_again_without_telling_who_registered(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    intake = system.url("intake")
    body = registration(8)
    request_id = (await http.post(f"{intake}/api/v1/requests", json=body)).json()["request_id"]
    await eventually(lambda: _mails(system, body["contact_email"]), what="first link")
    known = await http.post(f"{intake}/api/v1/links", json={"email": body["contact_email"].upper()})
    unknown = await http.post(f"{intake}/api/v1/links", json={"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 202 and known.json() == unknown.json()
    mails = await eventually(lambda: _mails(system, body["contact_email"]), until=lambda m: len(m) == 2,
                             what="the link mailed again")
    token = link_token(mails[-1])
    assert (await http.get(f"{intake}/api/v1/requests/{request_id}", headers=bearer(token))).status_code == 200
    bad = await http.post(f"{intake}/api/v1/links", json={"email": "not an address"})
    assert bad.status_code == 422 and field_codes(bad) == {"email": "bad_email"}
