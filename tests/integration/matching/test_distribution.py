"""Distribution against a real database: who hears of a request, why, and when (issue 5, part 1)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from contracts.events.intake import RequestUpdated, RequestWithdrawn
from contracts.events.offer import OpeningHours
from contracts.types import CategoryFlags, Preferences, Weekday
from tests.integration.matching.harness import Harness
from tests.integration.matching.world import DESK, OTHER_PROVIDER, PROVIDER, location, policy, request

pytestmark = [pytest.mark.postgres]

DESK_WORKER: dict[str, Any] = {"desk_ids": [DESK]}


def reasons_by_location(overview: dict[str, object], round_index: int = -1) -> dict[str, dict[str, Any]]:
    decisions = overview["distribution"][round_index]["decisions"]  # type: ignore[index]
    return {d["location_id"]: d for d in decisions}


async def test_every_fitting_location_is_told_at_once_and_each_decision_has_its_reason(matching: Harness) -> None:
    await matching.publish(policy(), location("fits"), location("toddlers", age_min_months=18),
                           location("no-atypical", nis="44013"), location("far", nis="24062"))
    await matching.publish(request("r1", atypical_hours_needed=False))
    [distributed] = await matching.emitted("RequestDistributed")
    assert distributed["data"]["recipients"] == [
        {"location_id": "fits", "provider_id": PROVIDER}, {"location_id": "no-atypical", "provider_id": PROVIDER}]
    assert distributed["data"]["mode"] == "all_fitting" and distributed["data"]["distribution_round"] == 1
    answer = await matching.http.get("/api/v1/requests/r1/overview",
                                     headers=matching.token("loketmedewerker", **DESK_WORKER))
    assert answer.status_code == 200, answer.text
    why = reasons_by_location(answer.json())
    assert why["fits"]["included"] and "in_working_area" in why["fits"]["reasons"]
    assert not why["toddlers"]["included"] and why["toddlers"]["reasons"] == ["age_too_young"]
    assert "far" not in why, "a location outside the area and the family's reach is not even considered"


async def test_hard_constraints_atypical_hours_specific_care_and_ikt(matching: Harness) -> None:
    await matching.publish(policy(), location("plain", ikt=False),
                           location("all", atypical_hours=True, specific_care=True, ikt=True,
                                    opening_hours=(OpeningHours(weekday=Weekday.MON, opens="06:00", closes="20:00"),)))
    await matching.publish(request("r2", atypical_hours_needed=True, specific_care_need=True, ikt_wanted=True))
    overview = (await matching.http.get("/api/v1/requests/r2/overview",
                                        headers=matching.token("loketmedewerker", **DESK_WORKER))).json()
    why = reasons_by_location(overview)
    assert why["all"]["included"]
    assert why["plain"]["reasons"] == ["no_atypical_hours", "no_specific_care", "no_ikt"]


async def test_full_locations_are_left_out_unless_the_request_is_urgent(matching: Harness) -> None:
    await matching.publish(policy(distribution_mode="preferences_only"), location("full", places=0),
                           location("open"), location("elsewhere", nis="44013", latitude=51.2, longitude=3.9))
    await matching.publish(request("calm", days=("mon",)))
    await matching.publish(request("urgent", days=("mon",), categories=CategoryFlags(urgent=True)))
    calm, urgent = await matching.emitted("RequestDistributed")
    assert [r["location_id"] for r in calm["data"]["recipients"]] == ["open"]
    assert urgent["data"]["mode"] == "broadcast_urgent"
    assert {r["location_id"] for r in urgent["data"]["recipients"]} == {"open", "elsewhere"}
    overview = (await matching.http.get("/api/v1/requests/calm/overview",
                                        headers=matching.token("loketmedewerker", **DESK_WORKER))).json()
    assert reasons_by_location(overview)["full"]["reasons"] == ["closed_on_wanted_days"]
    assert reasons_by_location(overview)["elsewhere"]["reasons"] == ["not_in_preferences"]


async def test_a_request_waits_for_its_desk_policy_and_a_withdrawal_may_come_first(matching: Harness) -> None:
    await matching.publish(location("fits"))
    await matching.publish(request("early"))
    assert await matching.emitted("RequestDistributed") == []
    await matching.publish(RequestWithdrawn(request_id="gone", desk_id=DESK, reason="found_elsewhere",
                                            withdrawn_at=matching.clock.now()))
    await matching.publish(request("gone"))
    await matching.publish(policy())
    distributed = await matching.emitted("RequestDistributed")
    assert [d["data"]["request_id"] for d in distributed] == ["early"]


async def test_a_location_that_joins_later_hears_of_open_requests_it_fits(matching: Harness) -> None:
    await matching.publish(policy(), location("first"))
    await matching.publish(request("r3"))
    await matching.publish(location("newcomer", provider=OTHER_PROVIDER))
    _first, second = await matching.emitted("RequestDistributed")
    assert second["data"]["recipients"] == [{"location_id": "newcomer", "provider_id": OTHER_PROVIDER}]
    assert second["data"]["distribution_round"] == 2
    recipients = await matching.http.get("/internal/requests/r3/recipients", headers=matching.token("service"))
    assert recipients.json() == {"provider_ids": [OTHER_PROVIDER, PROVIDER], "location_ids": ["first", "newcomer"]}
    refused = await matching.http.get("/internal/requests/r3/recipients", headers=matching.token("organisator"))
    assert refused.status_code == 403


async def test_a_changed_request_is_distributed_again_and_an_unchanged_one_is_not(matching: Harness) -> None:
    await matching.publish(policy(), location("a"), location("b", age_max_months=12))
    await matching.publish(request("r4"))
    await matching.publish(request("r4", preferences=Preferences(mode="distance", max_distance_km=10)))
    assert len(await matching.emitted("RequestDistributed")) == 1
    older = request("r4", wanted=date(2027, 1, 4)).request
    await matching.publish(RequestUpdated(request=older, changed=("wanted_start_date",)))
    rounds = await matching.emitted("RequestDistributed")
    assert [r["data"]["distribution_round"] for r in rounds] == [1, 2]
