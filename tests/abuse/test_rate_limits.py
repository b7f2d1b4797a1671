"""Hammering the public endpoints: past the limit a client gets 429 with a message in Dutch (French
or English when asked) and Retry-After, and nothing of a refused call is stored or mailed. The public
location search and location pages of offer have a limit of their own.

Each test is its own client (an address named in X-Forwarded-For by a trusted front end, as the
portal does), so the limits of the shared system's other callers are not touched.
"""

from __future__ import annotations

import os
import uuid

import httpx
import pytest

from infra.demo.data import DESK_GENT
from infra.local.stack import LocalStack
from services.intake.config import IntakeConfig
from services.offer.config import OfferConfig
from tests.abuse.principals import password_token
from tests.integration.intake.helpers import mails_to
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]


def limits(system: LocalStack) -> IntakeConfig:
    return IntakeConfig.from_env({**os.environ, **system.service_env("intake")})


def client() -> dict[str, str]:
    """A fresh client address (documentation prefix), as the portal would name it."""
    tag = uuid.uuid4().hex
    return {"X-Forwarded-For": f"2001:db8::{tag[:4]}:{tag[4:8]}"}


def assert_refused(answer: httpx.Response, window: int, text: str) -> None:
    assert answer.status_code == 429, answer.text
    assert 0 < int(answer.headers["Retry-After"]) <= window
    message = answer.json()["error"]["message"]
    assert text in message and answer.headers["Retry-After"] in message


async def stored(http: httpx.AsyncClient, system: LocalStack, family_name: str) -> int:
    desk = await password_token(http, system, "loket.gent")
    answer = await http.get(f"{system.url('intake')}/api/v1/desks/{DESK_GENT}/worklist", params={"q": family_name},
                            headers=desk)
    assert answer.status_code == 200, answer.text
    return int(answer.json()["total"])


async def test_registrations_past_the_limit_are_refused_and_not_stored(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    config, me, url = limits(system), client(), f"{system.url('intake')}/api/v1/requests"
    for _ in range(config.public_rate_limit):  # bad input counts as well: it costs the same to answer
        assert (await http.post(url, json={"consent": True}, headers=me)).status_code == 422
    body = registration(901)
    refused = await http.post(url, json=body, headers=me)
    assert_refused(refused, config.public_rate_window, "Te veel aanvragen na elkaar. Probeer het over")
    french = await http.post(url, json=body, headers={**me, "Accept-Language": "fr-BE"})
    assert_refused(french, config.public_rate_window, "Trop de demandes")
    assert await stored(http, system, body["child_last_name"]) == 0, "a refused registration was stored"
    accepted = await http.post(url, json=body, headers=client())  # another client, the same family
    assert accepted.status_code == 201, accepted.text
    assert await stored(http, system, body["child_last_name"]) == 1, "the control registration is visible"


async def test_lost_link_requests_past_the_limit_are_refused_and_mail_nothing(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    config, me, intake = limits(system), client(), system.url("intake")
    family = registration(902)
    assert (await http.post(f"{intake}/api/v1/requests", json=family, headers=client())).status_code == 201
    address = family["contact_email"]
    await eventually(lambda: _mails(system, address), until=lambda n: n == 1, what="the first link mail")
    for _ in range(config.public_rate_limit):
        answer = await http.post(f"{intake}/api/v1/links", json={"email": "nobody@example.org"}, headers=me)
        assert answer.status_code == 202
    refused = await http.post(f"{intake}/api/v1/links", json={"email": address}, headers=me)
    assert_refused(refused, config.public_rate_window, "Probeer het over")
    english = await http.post(f"{intake}/api/v1/links", json={"email": address},
                              headers={**me, "Accept-Language": "en"})
    assert_refused(english, config.public_rate_window, "Too many requests")
    control = await http.post(f"{intake}/api/v1/links", json={"email": address}, headers=client())
    assert control.status_code == 202
    # the refused calls queued nothing: after the control's mail there are two, not four
    assert await eventually(lambda: _mails(system, address), until=lambda n: n >= 2, what="the control mail") == 2


async def _mails(system: LocalStack, address: str) -> int:
    return len(mails_to(system.maildir, address))


async def test_public_search_past_the_limit_is_refused_while_others_are_served(
    system: LocalStack, http: httpx.AsyncClient
) -> None:
    config = OfferConfig.from_env({**os.environ, **system.service_env("offer")})
    me, offer = client(), system.url("offer")
    search = f"{offer}/api/v1/locations"
    found = await http.get(search, params={"near": "44021", "max_km": 50}, headers=me)
    assert found.status_code == 200, found.text
    location_id = found.json()["results"][0]["location_id"]
    for index in range(config.public_rate_limit - 1):  # the search and a location's page count together
        path = search if index % 2 else f"{search}/{location_id}"
        assert (await http.get(path, params={"near": "44021"} if index % 2 else None, headers=me)).status_code == 200
    refused = await http.get(search, params={"near": "44021"}, headers=me)
    assert_refused(refused, config.public_rate_window, "Te veel aanvragen na elkaar. Probeer het over")
    english = await http.get(f"{search}/{location_id}", headers={**me, "Accept-Language": "en"})
    assert_refused(english, config.public_rate_window, "Too many requests")
    assert (await http.get(search, params={"near": "44021"}, headers=client())).status_code == 200, "another client"
    signed_in = {**me, **await password_token(http, system, "loket.gent")}
    assert (await http.get(search, params={"near": "44021"}, headers=signed_in)).status_code == 200, \
        "a signed-in user is not counted against the address"
