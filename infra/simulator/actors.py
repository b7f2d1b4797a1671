"""What families, providers and desk workers do on a simulated day, through the public APIs.

Each action that the system acknowledges is written to the ground truth; an action it refuses
(no free place, the request no longer open) changes nothing there, as it changed nothing in the
system.
"""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

from infra.simulator.api import Api
from infra.simulator.families import Family
from infra.simulator.population import Population
from infra.simulator.provision import EARLIEST_ANSWER_MONTHS, World
from infra.simulator.registration import child_names, expected_flags, registration_body
from infra.simulator.state import Child, Feeds, Pending
from infra.simulator.truth import Allocation, ChildRequest, GroundTruth, add_months

GIVE_UP_DAYS = 150  # after the wanted start, providers stop proposing
REFUSED_DAYS = 10  # a location that had no place for a proposal is not asked again this long


class Actors:
    def __init__(self, api: Api, population: Population, world: World, truth: GroundTruth, seed: int) -> None:
        self.api, self.population, self.world, self.truth = api, population, world, truth
        self.rng = random.Random(seed)
        self.children: dict[str, Child] = {}
        self.feeds = Feeds()
        # location id -> the day it last refused a proposal: its provider knows it is full for a while
        self.refused: dict[str, date] = {}
        self.desk_user = {d.desk_id: d.username for d in population.desks}

    # families --------------------------------------------------------------------------------
    async def register(self, family: Family, today: date) -> None:
        body = registration_body(self.population, family)
        user = self.desk_user[family.desk_id]
        found = await self.api.json("POST", "intake", "/api/v1/requests", user=user if family.by_desk else None,
                                    params=None if family.by_desk else {"with_link": "true"}, json=body,
                                    key=f"register:{family.key}")
        token = urlparse(found["status_url"]).path.rstrip("/").rsplit("/", 1)[-1] if found.get("status_url") else None
        request_ids = list(found["request_ids"])
        if found["status"] == "merged":  # our first attempt committed but its answer was lost in a crash
            request_ids = await self.find_registered(family)
        window = add_months(family.wanted_start, -EARLIEST_ANSWER_MONTHS)
        first = max(today, window) + timedelta(days=family.proposal_delay)
        days_per_week = family.days_per_week
        for request_id in request_ids:
            self.truth.add(ChildRequest(request_id, family.key, family.desk_id, family.home_nis, family.wanted_start,
                                        days_per_week, expected_flags(family)))
            self.children[request_id] = Child(family, request_id, user, token, list(family.answers), first)

    async def find_registered(self, family: Family) -> list[str]:
        """The desk looks the family up by name: the requests intake holds for its child(ren)."""
        _, last = child_names(self.population, family)
        listed = await self.api.json("GET", "intake", f"/api/v1/desks/{family.desk_id}/worklist",
                                     user=self.desk_user[family.desk_id], params={"q": last})
        return sorted(row["request_id"] for row in listed["rows"] if row["status"] != "merged")

    async def register_again(self, family: Family) -> None:
        """The same child registered once more (another parent, another day): intake must merge it."""
        body = registration_body(self.population, family)
        body["siblings"] = []
        answer = await self.api.request("POST", "intake", "/api/v1/requests", json=body, key=f"again:{family.key}",
                                        user=self.desk_user[family.desk_id])
        if answer.json().get("status") == "merged":
            self.truth.merged_duplicates += 1
        else:  # the system registered a second request: it counts, and the check reports it
            request_id = answer.json()["request_id"]
            self.truth.duplicates_not_merged.append(request_id)
            self.truth.add(ChildRequest(request_id, family.key, family.desk_id, family.home_nis, family.wanted_start,
                                        family.days_per_week, expected_flags(family)))

    async def withdraw(self, child: Child) -> None:
        record = self.truth.requests[child.request_id]
        if not record.open:
            return
        await self.api.request("POST", "intake", f"/api/v1/requests/{child.request_id}/withdraw",
                               json={"reason": "found_elsewhere"}, key=f"withdraw:{child.request_id}", **child.actor)
        record.withdrawn = True
        child.pending, child.next_proposal_on = None, None

    async def answer(self, child: Child, today: date) -> None:
        pending = child.pending
        assert pending is not None
        record = self.truth.requests[child.request_id]
        if pending.decision == "expire" or not record.open:
            if today > pending.answer_due:
                status = await self.proposal_status(child, pending.proposal_id)
                if status == "pending":
                    return  # matching's expiry job has not run yet: look again tomorrow
                self.truth.expiries += status == "expired"
                self.after_no(child, today)
            return
        path = f"/api/v1/proposals/{pending.proposal_id}/{pending.decision}"
        body = {"accept_deviation": True} if pending.decision == "accept" else {"reason": "too_far"}
        answer = await self.api.request("POST", "matching", path, json=body, ok=(), **child.actor,
                                        key=f"{pending.decision}:{pending.proposal_id}")
        if answer.status_code == 200 and pending.decision == "accept":
            proposal = await self.proposal(child, pending.proposal_id)
            days = sum(1.0 if d.get("part", "full") == "full" else 0.5 for d in proposal["care_pattern"]["days"])
            record.allocation = Allocation(pending.proposal_id, self.world.location_keys[pending.location_id],
                                           date.fromisoformat(proposal["start_date"]), days)
            child.pending, child.next_proposal_on = None, None
        elif answer.status_code == 200:
            self.truth.declines += 1
            self.after_no(child, today)
        else:  # refused: the proposal is gone (expired, withdrawn by a closure); the family moves on
            self.truth.expiries += await self.proposal_status(child, pending.proposal_id) == "expired"
            self.after_no(child, today)

    def after_no(self, child: Child, today: date) -> None:
        if child.pending is not None:  # the place it held is free again
            self.refused.pop(child.pending.location_id, None)
        child.pending = None
        child.next_proposal_on = today + timedelta(days=self.rng.randint(5, 30)) if child.answers else None

    async def proposal(self, child: Child, proposal_id: str) -> dict[str, Any]:
        listed = await self.api.json("GET", "matching", f"/api/v1/requests/{child.request_id}/proposals",
                                     user=child.desk_user)
        return next(p for p in listed if p["proposal_id"] == proposal_id)

    async def proposal_status(self, child: Child, proposal_id: str) -> str:
        return str((await self.proposal(child, proposal_id))["status"])

    # providers -------------------------------------------------------------------------------
    async def read_feeds(self) -> None:
        """Every provider's software reads its feed from its cursor (at the same time, as they would)."""
        users = sorted(set(self.world.provider_user.values()))
        pages = await asyncio.gather(*(self.read_feed(user) for user in users))
        for items in pages:  # applied in a fixed order: the run does not depend on who answered first
            self.feeds.apply(items)

    async def read_feed(self, user: str) -> list[dict[str, Any]]:
        cursor, items = self.feeds.cursors.get(user, 0), []
        while True:
            page = await self.api.json("GET", "matching", "/api/v1/provider/requests", user=user,
                                       params={"cursor": cursor, "limit": 500})
            items += page["items"]
            if page["next_cursor"] == cursor or not page["items"]:
                break
            cursor = page["next_cursor"]
        self.feeds.cursors[user] = cursor
        return items

    async def propose(self, child: Child, today: date) -> None:
        family, record = child.family, self.truth.requests[child.request_id]
        if not record.open or child.pending or not child.answers:
            child.next_proposal_on = None if not record.open or not child.answers else child.next_proposal_on
            return
        if today > family.wanted_start + timedelta(days=GIVE_UP_DAYS):
            child.next_proposal_on = None
            return
        told = sorted(loc for loc in self.feeds.told.get(child.request_id, set()) - self.world.closed
                      if self.refused.get(loc, date.min) < today - timedelta(days=REFUSED_DAYS))
        self.rng.shuffle(told)
        decision = child.answers[0]
        start = max(family.wanted_start, today + timedelta(days=1))
        fewer = False
        if decision == "accept" and family.partial == "later":
            start = max(start, add_months(family.wanted_start, 1) + timedelta(days=self.rng.randint(0, 45)))
        elif decision == "accept" and family.partial == "fewer":
            fewer = True
        for location_id in told:
            number = len(record.proposals)
            answer = await self.api.request(
                "POST", "matching", f"/api/v1/provider/requests/{child.request_id}/proposals",
                user=self.world.provider_user[location_id], key=f"propose:{child.request_id}:{number}:{location_id}",
                json={"location_id": location_id, "start_date": start.isoformat(),
                      "care_pattern": family.care_pattern(fewer)}, ok=())
            if answer.status_code == 201:
                made = answer.json()
                record.proposals.append(made["proposal_id"])
                child.answers.pop(0)
                child.pending = Pending(made["proposal_id"], location_id, today + timedelta(days=family.answer_after),
                                        decision, date.fromisoformat(made["answer_due"]))
                child.next_proposal_on = None
                return
            self.refused[location_id] = today
        child.next_proposal_on = today + timedelta(days=1 if not told else 14)

    # desks -----------------------------------------------------------------------------------
    async def close_a_location(self, today: date) -> None:
        """The desk withdraws the licence of the open location holding the most children."""
        holding: dict[str, list[ChildRequest]] = {}
        for record in self.truth.requests.values():
            if record.allocation is not None:
                holding.setdefault(self.world.location_ids[record.allocation.location_key], []).append(record)
        candidates = sorted((loc for loc in holding if loc not in self.world.closed),
                            key=lambda loc: (-len(holding[loc]), loc))
        if not candidates:
            return
        location_id = candidates[0]
        desk = self.population.desk_of(self.population_location(location_id))
        user = desk.username if desk else "operator"
        await self.api.request("POST", "offer", f"/api/v1/locations/{location_id}/close", user=user,
                               json={"reason": "licence_withdrawn"}, key=f"close:{location_id}")
        self.world.closed.add(location_id)
        for record in holding[location_id]:
            record.allocation = None
            record.reopened += 1
            record.flags.add("urgent")
            child = self.children[record.request_id]
            child.answers = ["accept"]
            child.next_proposal_on = today + timedelta(days=self.rng.randint(3, 14))
        for child in self.children.values():
            if child.pending and child.pending.location_id == location_id:
                self.after_no(child, today)
        self.truth.closures.append((today, self.world.location_keys[location_id], len(holding[location_id])))

    def population_location(self, location_id: str) -> str:
        key = self.world.location_keys[location_id]
        return next(loc.nis_code for loc in self.population.locations if loc.key == key)
