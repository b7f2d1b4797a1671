"""Regression tests for what schemathesis found, over the shared system (one call each)."""

from __future__ import annotations

import re

import httpx
import pytest

from infra.local.stack import LocalStack
from tests.abuse.principals import LOCATION, password_token
from tests.support.payloads import registration

pytestmark = [pytest.mark.postgres]


@pytest.mark.parametrize("end", [0, "17:30Z"])
async def test_care_hours_with_a_time_zone_are_refused_not_a_server_error(
    system: LocalStack, http: httpx.AsyncClient, end: object
) -> None:
    body = registration(950, care_pattern={"days": [{"weekday": "mon", "start": "07:30", "end": end}]})
    answer = await http.post(f"{system.url('intake')}/api/v1/requests", json=body)
    assert answer.status_code == 422, answer.text
    fields = {f["field"]: f for f in answer.json()["error"]["fields"]}
    assert fields["care_pattern.days.0.end"]["code"] == "local_time_expected"
    assert fields["care_pattern.days.0.end"]["message"].startswith("Geef een uur zonder tijdzone")


async def test_opening_hours_are_sent_as_the_document_says(system: LocalStack, http: httpx.AsyncClient) -> None:
    offer = system.url("offer")
    opens = (await http.get(f"{offer}/openapi.json")).json()["components"]["schemas"]["OpeningHours"]
    pattern = opens["properties"]["opens"]["pattern"]
    assert opens["properties"]["opens"]["format"] == "partial-time"
    location = (await http.get(f"{offer}/api/v1/locations/{LOCATION}")).json()
    assert location["opening_hours"], "the demo location has opening hours"
    assert all(re.fullmatch(pattern, hours["opens"]) and re.fullmatch(pattern, hours["closes"])
               for hours in location["opening_hours"])


@pytest.mark.parametrize(("service", "path", "param"), [
    ("notifications", "/api/v1/provider/feed", "after"),
    ("matching", "/api/v1/provider/requests", "cursor"),
])
async def test_a_feed_position_beyond_a_database_integer_is_refused_not_a_server_error(
    system: LocalStack, http: httpx.AsyncClient, service: str, path: str, param: str
) -> None:
    provider = await password_token(http, system, "zonnebloem")
    url = f"{system.url(service)}{path}"
    # (no call at the largest valid position: notifications' ?after= confirms receipt of everything before it)
    too_far = await http.get(url, params={param: 110733774442145349632}, headers=provider)
    assert too_far.status_code == 422, too_far.text
