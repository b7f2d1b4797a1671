"""The callers of the authorization matrix: who attacks, whose data they go after, and the owners.

The victim is a family registered online in Gent, desk Gent and provider De Zonnebloem with its
location Brugse Poort. Each attacker is someone who must not reach that data: nobody signed in, the
parent of another family (a personal link to another request), a referrer who did not register it,
a desk worker of Leuven, the provider of another location (Stad Leuven), a regional hub.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from infra.demo.data import DESK_GENT, PROVIDER_ZONNEBLOEM, demo_id
from infra.local.stack import LocalStack
from services.identity.accounts import client_secret
from tests.support.payloads import registration
from tests.support.tokens import password_token
from tests.support.waiting import eventually

ATTACKERS = ("anonymous", "parent_other", "referrer", "desk_other", "provider_other", "hub")
LOCATION = demo_id("location:zonnebloem-brugse-poort")


@dataclass(frozen=True)
class Victim:
    request_id: str
    other_request_id: str
    family_name: str
    proposal_id: str
    desk_id: str = DESK_GENT
    provider_id: str = PROVIDER_ZONNEBLOEM
    location_id: str = LOCATION

    def ids(self) -> dict[str, str]:
        """Path and query parameters by name: everything points at the victim's data."""
        return {"request_id": self.request_id, "desk_id": self.desk_id, "location_id": self.location_id,
                "provider_id": self.provider_id, "proposal_id": self.proposal_id}



async def parent_link(http: httpx.AsyncClient, system: LocalStack, request_id: str) -> dict[str, str]:
    """The token a family's personal link carries (the exchange intake does when it mails the link)."""
    answer = await http.post(f"{system.url('identity')}/token", data={
        "grant_type": "urn:opvangloket:grant-type:parent-link", "client_id": "intake",
        "client_secret": client_secret("intake"), "subject": f"family-{request_id[:8]}",
        "request_ids": request_id, "lifetime_seconds": 3600, "locale": "nl"})
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def register_victim(http: httpx.AsyncClient, system: LocalStack) -> Victim:
    """Two families registered online in Gent; De Zonnebloem proposes a place at Brugse Poort to the first."""
    ids, bodies = [], []
    for index in (801, 802):
        body = registration(index)
        answer = await http.post(f"{system.url('intake')}/api/v1/requests", json=body)
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["request_id"])
        bodies.append(body)
    proposal_id = await _proposal(http, system, ids[0], bodies[0])
    return Victim(request_id=ids[0], other_request_id=ids[1], family_name=bodies[0]["child_last_name"],
                  proposal_id=proposal_id)


async def _proposal(http: httpx.AsyncClient, system: LocalStack, request_id: str, body: dict[str, Any]) -> str:
    matching, provider = system.url("matching"), await password_token(http, system, "zonnebloem")
    url = f"{matching}/api/v1/provider/requests/{request_id}/responses"

    async def answered() -> int:
        answer = await http.post(url, headers=provider, json={"location_id": LOCATION, "answer": "can_propose"})
        return answer.status_code

    await eventually(answered, until=lambda status: status == 201, what="the request reached De Zonnebloem")
    made = await http.post(f"{matching}/api/v1/provider/requests/{request_id}/proposals", headers=provider, json={
        "location_id": LOCATION, "start_date": body["wanted_start_date"], "care_pattern": body["care_pattern"]})
    assert made.status_code == 201, made.text
    return str(made.json()["proposal_id"])


async def attackers(http: httpx.AsyncClient, system: LocalStack, victim: Victim) -> dict[str, dict[str, str]]:
    return {
        "anonymous": {},
        "parent_other": await parent_link(http, system, victim.other_request_id),
        "referrer": await password_token(http, system, "toeleider"),
        "desk_other": await password_token(http, system, "loket.leuven"),
        "provider_other": await password_token(http, system, "leuven.kdv"),
        "hub": await password_token(http, system, "hub.oost-vlaanderen"),
    }
