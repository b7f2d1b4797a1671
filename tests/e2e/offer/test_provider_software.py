"""The answer to seed 002, end to end: a provider's own software keeps its offer current through the API.

The whole system runs as separate processes. A person of the provider creates an API key on the
offer API; the example client (examples/provider_client.py) trades it at identity for a token and
reads, corrects, exports and re-imports the offer. The desk sees its working area from intake's
real DeskPolicyChanged events.
"""

from __future__ import annotations

import asyncio
import csv
import io

import httpx
import pytest

from examples.provider_client import OpvangloketError, ProviderClient
from infra.demo.data import DESK_GENT, LOCATIONS
from infra.local.stack import LocalStack
from tests.support.tokens import password_token
from tests.support.waiting import eventually

pytestmark = [pytest.mark.postgres]
BRUGSE_POORT = LOCATIONS[0].location_id
NEW_LOCATION = {
    "name": "Kinderdagverblijf De Script", "external_ref": "E2E-1", "street": "Sint-Pietersnieuwstraat 1",
    "postal_code": "9000", "city": "Gent", "nis_code": "44021", "kind": "groepsopvang",
    "capacity_per_weekday": {"mon": 18, "tue": 18, "wed": 14, "thu": 18, "fri": 14}, "ikt": True,
}



async def test_a_provider_script_keeps_the_offer_current(system: LocalStack, http: httpx.AsyncClient) -> None:
    zon = await password_token(http, system, "zonnebloem")
    created = await http.post(f"{system.url('offer')}/api/v1/provider/api-keys", json={"label": "planning e2e"},
                              headers=zon)
    assert created.status_code == 201, created.text
    client = ProviderClient(created.json()["api_key"], identity_url=system.url("identity"),
                            offer_url=system.url("offer"), matching_url=system.url("matching"), language="en")

    def script() -> dict[str, object]:
        mine = {loc["location_id"]: loc for loc in client.locations()}
        assert BRUGSE_POORT in mine and all(loc["provider_id"] == mine[BRUGSE_POORT]["provider_id"]
                                            for loc in mine.values())
        own = client.publish_location(NEW_LOCATION)["location_id"]  # the demo locations stay as they are
        client.set_capacity(own, {"mon": 28, "tue": 28, "wed": 20, "thu": 28, "fri": 20})
        correction = client.add_correction(own, -3, "staff_shortage", ["wed"], note="griep")
        figures = {d["weekday"]: d for d in client.free_places(own)["days"]}
        sheet = client.export_sheet("csv").decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(sheet)))
        row = next(r for r in rows if r["location_id"] == own)
        row["capacity_fri"] = "24"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
        checked = client.import_sheet(buffer.getvalue().encode(), dry_run=True)
        imported = client.import_sheet(buffer.getvalue().encode())
        try:
            client.set_capacity(own, {"mon": -5})
            refused: dict[str, object] = {}
        except OpvangloketError as error:
            refused = {"status": error.status, "message": str(error)}
        client.end_correction(own, correction["correction_id"])
        return {"own": own, "figures": figures, "checked": checked, "imported": imported, "refused": refused}

    outcome = await asyncio.to_thread(script)
    assert outcome["figures"]["wed"]["corrected"] == -3  # type: ignore[index]
    assert outcome["checked"]["updated"] == 1 and outcome["checked"]["dry_run"] is True  # type: ignore[index]
    own = outcome["own"]
    assert outcome["imported"]["location_ids"] == [own]  # type: ignore[index]
    assert outcome["refused"]["status"] == 422  # type: ignore[index]
    assert "at least 0" in outcome["refused"]["message"]  # type: ignore[index]
    public = (await http.get(f"{system.url('offer')}/api/v1/locations/{own}")).json()
    assert {d["weekday"]: d["licensed"] for d in public["free_places"]}["fri"] == 24
    revoke = await http.delete(f"{system.url('offer')}/api/v1/provider/api-keys/{created.json()['key_id']}",
                               headers=zon)
    assert revoke.status_code == 200
    with pytest.raises(OpvangloketError):
        await asyncio.to_thread(client.locations)


async def test_the_desk_sees_its_working_area_from_intakes_policy(system: LocalStack, http: httpx.AsyncClient) -> None:
    gent = await password_token(http, system, "loket.gent")

    async def area() -> list[str]:
        answer = await http.get(f"{system.url('offer')}/api/v1/desk/locations", params={"desk_id": DESK_GENT},
                                headers=gent)
        return [loc["location_id"] for loc in answer.json()]

    found = await eventually(area, until=lambda ids: BRUGSE_POORT in ids, what="intake's DeskPolicyChanged in offer")
    assert LOCATIONS[4].location_id not in found  # Leuven is not Gent's
