"""A provider keeps its offer current over HTTP; the bus hears each change once, in one transaction."""

from __future__ import annotations

from datetime import UTC, date, datetime

import httpx

from infra.local.stack import LocalStack
from tests.integration.offer.support import bearer, free_on, location_body, offer_events, publish, set_clock
from tests.support.waiting import eventually

SEPT = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


async def events_about(stack: LocalStack, location_id: str, event_type: str) -> list[dict[str, object]]:
    return [e for e in await offer_events(stack, event_type) if e["subject"] == location_id]


async def test_publish_change_and_correct_a_location(offer_stack: LocalStack, http: httpx.AsyncClient) -> None:
    await set_clock(http, offer_stack, SEPT)
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    location_id = await publish(http, offer_stack, zon, external_ref="T-1")

    published = await eventually(lambda: events_about(offer_stack, location_id, "LocationPublished"),
                                 what="LocationPublished on the bus")
    snapshot = published[0]["data"]["location"]  # type: ignore[index]
    assert snapshot["capacity_per_weekday"] == {"mon": 3, "tue": 3, "wed": 3, "thu": 3, "fri": 3}
    assert "Testopvang" not in str(published[0])  # names and addresses stay in offer

    mine = (await http.get(f"{offer}/api/v1/provider/locations/{location_id}", headers=zon)).json()
    assert mine["external_ref"] == "T-1" and mine["coordinates_approximate"] is True

    changed = await http.put(f"{offer}/api/v1/provider/locations/{location_id}/capacity", headers=zon,
                             json={"capacity_per_weekday": {"mon": 5, "tue": 5}})
    assert changed.status_code == 200 and changed.json()["changed"] == ["capacity_per_weekday"]
    same = await http.put(f"{offer}/api/v1/provider/locations/{location_id}", headers=zon,
                          json=location_body(**{**_details(mine), "capacity_per_weekday": {"mon": 5, "tue": 5},
                                                "phone": "09 111 22 33"}))
    assert same.json()["changed"] == []  # a new phone number is nothing the bus needs

    correction = await http.post(f"{offer}/api/v1/provider/locations/{location_id}/corrections", headers=zon,
                                 json={"weekdays": ["mon"], "places_delta": -2, "reason": "staff_shortage",
                                       "valid_until": "2026-09-30"})
    assert correction.status_code == 201, correction.text
    figures = await free_on(http, offer_stack, location_id, date(2026, 9, 7))
    assert figures["mon"] == {"weekday": "mon", "licensed": 5, "allocated": 0, "corrected": -2, "free": 3,
                              "lasting": 3}
    assert (await free_on(http, offer_stack, location_id, date(2026, 10, 5)))["mon"]["free"] == 5

    ended = await http.post(f"{offer}/api/v1/provider/locations/{location_id}/corrections/"
                            f"{correction.json()['correction_id']}/end", headers=zon, json={})
    assert ended.json()["valid_until"] == "2026-09-01"
    assert (await free_on(http, offer_stack, location_id, date(2026, 9, 7)))["mon"]["free"] == 5

    changes = await eventually(lambda: events_about(offer_stack, location_id, "LocationChanged"),
                               until=lambda found: len(found) == 3, what="three LocationChanged")
    assert [e["data"]["changed"] for e in changes] == [  # type: ignore[index]
        ["capacity_per_weekday"], ["corrections"], ["corrections"]]
    assert changes[1]["data"]["location"]["corrections"][0]["places_delta"] == -2  # type: ignore[index]


def _details(out: dict[str, object]) -> dict[str, object]:
    fields = location_body().keys() | {"external_ref", "latitude", "longitude", "age_min_months", "age_max_months",
                                       "atypical_hours", "atypical_note", "specific_care", "phone", "email",
                                       "website"}
    return {k: v for k, v in out.items() if k in fields}


async def test_bad_input_is_refused_in_the_callers_language_and_changes_nothing(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    zon = await bearer(http, offer_stack, "zonnebloem")
    offer = offer_stack.url("offer")
    before = (await http.get(f"{offer}/api/v1/provider/locations", headers=zon)).json()
    bad = location_body(nis_code="99999", capacity_per_weekday={"mon": -1}, kind="crèche")
    answer = await http.post(f"{offer}/api/v1/provider/locations", json=bad, headers={**zon, "Accept-Language": "fr"})
    assert answer.status_code == 422
    fields = {f["field"]: f["message"] for f in answer.json()["error"]["fields"]}
    assert fields["nis_code"].startswith("Nous ne connaissons pas cette commune")
    assert fields["capacity_per_weekday.mon"] == "La valeur doit être d'au moins 0."
    assert "kind" in fields
    correction = await http.post(f"{offer}/api/v1/provider/locations/{before[0]['location_id']}/corrections",
                                 headers=zon, json={"weekdays": ["mon"], "places_delta": 3, "reason": "other"})
    assert correction.status_code == 422
    assert correction.json()["error"]["fields"][0]["message"].startswith("Een correctie vermindert")
    assert (await http.get(f"{offer}/api/v1/provider/locations", headers=zon)).json() == before


async def test_a_retried_post_with_an_idempotency_key_publishes_once(
    offer_stack: LocalStack, http: httpx.AsyncClient
) -> None:
    kab = await bearer(http, offer_stack, "kaboutertjes")
    offer = offer_stack.url("offer")
    body = location_body(kind="gezinsopvang", capacity_per_weekday={"mon": 4})
    headers = {**kab, "Idempotency-Key": "create-once-1"}
    first = await http.post(f"{offer}/api/v1/provider/locations", json=body, headers=headers)

    async def retry() -> httpx.Response:
        return await http.post(f"{offer}/api/v1/provider/locations", json=body, headers=headers)

    # the shared middleware records the answer just after sending it: a retry in between gets 409 "still running"
    again = await eventually(retry, until=lambda r: r.status_code != 409, what="the stored answer replayed")
    assert first.status_code == again.status_code == 201
    assert first.json()["location_id"] == again.json()["location_id"]
    assert again.headers["idempotent-replayed"] == "true"
    names = [loc["name"] for loc in (await http.get(f"{offer}/api/v1/provider/locations", headers=kab)).json()]
    assert names.count(body["name"]) == 1
