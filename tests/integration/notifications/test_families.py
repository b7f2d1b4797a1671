"""Families are told of proposals, reminders, expiries and allocations in their own language, by
mail, or as a letter the desk prints. The contact comes from intake (a real HTTP server answering
as intake, checking our service token), read when the message is sent and never stored here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import httpx

from contracts.types import Weekday
from infra.demo.data import DESK_GENT
from infra.local.serving import serving
from services.notifications.adapters.tables import Delivery, ProposalDeadline, ResponseDeadline, TrackedRequest
from services.portal.bootstrap import build_app as build_portal
from services.runtime.settings import load_settings
from tests.integration.notifications.conftest import World
from tests.integration.notifications.events import (
    ZONNEBLOEM_LOCATIONS,
    allocated,
    distributed,
    expired,
    new_id,
    proposal,
    registered,
    zonnebloem,
)
from tests.integration.notifications.helpers import rows, wait_rows
from tests.support.waiting import eventually


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


async def start(world: World, contact: dict[str, object], at: datetime) -> str:
    request_id = new_id()
    world.neighbours.contacts[request_id] = contact
    world.neighbours.names[ZONNEBLOEM_LOCATIONS[0]] = "De Zonnebloem Brugse Poort"
    world.clock.set(at)
    await world.publish(registered(request_id, at))
    await eventually(lambda: rows(world, TrackedRequest, request_id=request_id),
                     until=lambda r: bool(r and r[0].weekdays), what="registration applied")
    return request_id


async def letter_page(world: World, path: str) -> str:
    """The portal's letter page, rendered by the real portal app calling notifications over HTTP."""
    token = (await world.token("loket.gent"))["Authorization"][7:]
    async with serving(world.app) as notifications_url:
        portal = build_portal(load_settings("portal", env="test", oidc_issuer=world.infra.identity_url, service_urls={
            "notifications": notifications_url, "intake": world.neighbours_url, "identity": world.infra.identity_url}))
        transport = httpx.ASGITransport(app=portal)
        async with httpx.AsyncClient(transport=transport, base_url="http://portal",
                                     cookies={"opvang_token": token}) as browser:
            page = await browser.get(path)
    assert page.status_code == 200, page.text
    return page.text


def mails_about(world: World, address: str, subject: str) -> list[str]:
    return [m.get_content() for m in world.mail.to(address) if subject in str(m["Subject"])]


async def test_family_told_reminded_and_escalated_in_its_own_language(world: World) -> None:
    made_at = utc(2025, 6, 2, 8)  # Monday
    request_id = await start(world, {"email": "camille@example.org", "language": "fr"}, made_at)
    made = proposal(request_id, made_at, date(2025, 6, 10))
    await world.publish(made)
    await wait_rows(world, Delivery, 1, "family message planned", request_id=request_id)
    await world.tick()
    [body] = mails_about(world, "camille@example.org", "Vous recevez une proposition")
    assert "De Zonnebloem Brugse Poort" in body and "10/06/2025" in body and "lu, ma, je" in body
    assert (request_id, "service:notifications") in world.neighbours.contact_reads  # our token, checked

    await world.tick(utc(2025, 6, 6, 6, 59))
    assert not mails_about(world, "camille@example.org", "Rappel")
    await world.tick(utc(2025, 6, 6, 7))  # Friday 09:00: Whit Monday 9 June is not a working day
    assert len(mails_about(world, "camille@example.org", "Rappel")) == 1

    desk = await world.token("loket.gent")
    await world.tick(utc(2025, 6, 10, 22))  # Wednesday 00:00 in Brussels: unanswered
    await world.publish(expired(made, utc(2025, 6, 11, 0, 5)))
    await wait_rows(world, Delivery, 3, "proposal, reminder, expiry", request_id=request_id)
    await world.tick(utc(2025, 6, 11, 0, 10))
    assert len(mails_about(world, "camille@example.org", "a expiré")) == 1
    worklist = (await world.api.get(f"/api/v1/desk/{DESK_GENT}/overdue", headers=desk)).json()
    [line] = [w for w in worklist if w["request_id"] == request_id]
    assert line["kind"] == "family_no_answer" and line["proposal_id"] == made.proposal_id
    done = await world.api.post(f"/api/v1/desk/{DESK_GENT}/overdue/{line['escalation_id']}/resolve", headers=desk)
    assert done.json()["status"] == "resolved" and done.json()["resolved_by"]
    log = (await world.api.get("/api/v1/deliveries", params={"request_id": request_id}, headers=desk)).json()
    assert {(d["kind"], d["channel"], d["status"]) for d in log} == {
        ("proposal_made", "email", "delivered"), ("proposal_reminder", "email", "delivered"),
        ("proposal_expired", "email", "delivered")}
    assert "camille" not in str(log), "the delivery log keeps no contact details"


async def test_family_without_email_gets_a_letter_the_desk_prints(world: World) -> None:
    request_id = await start(world, {"email": None, "language": "nl", "postal_address": "Kerkstraat 1, 9000 Gent"},
                             utc(2025, 6, 3, 8))
    world.neighbours.intake_down = True
    await world.publish(proposal(request_id, utc(2025, 6, 3, 8), date(2025, 6, 13)))
    [row] = await wait_rows(world, Delivery, 1, "family message planned", request_id=request_id)
    await world.tick()
    [row] = await rows(world, Delivery, request_id=request_id)
    assert row.status == "retrying" and "intake" in row.last_result  # intake away: try again, nothing lost
    world.neighbours.intake_down = False
    await world.tick(row.next_attempt_at)
    desk = await world.token("loket.gent")
    letters = (await world.api.get(f"/api/v1/desk/{DESK_GENT}/letters", headers=desk)).json()
    [letter] = [item for item in letters if item["request_id"] == request_id]
    assert letter["subject"] == "U krijgt een voorstel voor kinderopvang"
    assert "De Zonnebloem Brugse Poort" in letter["body"] and "13/06/2025" in letter["body"]
    assert "Kerkstraat" not in str(letter), "the address is added by the portal from intake, never stored here"
    page = await letter_page(world, f"/loket/meldingen/{DESK_GENT}/brieven/{letter['delivery_id']}")
    assert "Kerkstraat 1, 9000 Gent" in page and "U krijgt een voorstel voor kinderopvang" in page
    assert "De Zonnebloem Brugse Poort" in page
    # the address was read at intake with the desk worker's own token (intake logs who read it)
    assert any(subject != "service:notifications" for rid, subject in world.neighbours.contact_reads
               if rid == request_id)
    printed = await world.api.post(f"/api/v1/desk/{DESK_GENT}/letters/{letter['delivery_id']}/printed",
                                   headers=desk)
    assert printed.json()["status"] == "delivered"
    left = (await world.api.get(f"/api/v1/desk/{DESK_GENT}/letters", headers=desk)).json()
    assert request_id not in {item["request_id"] for item in left}
    provider = await world.api.get(f"/api/v1/desk/{DESK_GENT}/letters", headers=await world.token("zonnebloem"))
    assert provider.status_code == 403


async def test_allocation_tells_the_family_and_stops_the_providers_clocks(world: World) -> None:
    at = utc(2025, 6, 16, 8)
    request_id = await start(world, {"email": "sara@example.org", "language": "nl"}, at)
    await world.publish(distributed(request_id, at, zonnebloem()))
    await wait_rows(world, ResponseDeadline, 2, "provider clocks", request_id=request_id)
    made = proposal(request_id, at, date(2025, 6, 26), start=date(2025, 10, 15))
    await world.publish(made)
    await world.publish(allocated(made, utc(2025, 6, 17, 9), start=date(2025, 10, 15),
                                  days=(Weekday.MON, Weekday.TUE)))
    await eventually(lambda: rows(world, ProposalDeadline, request_id=request_id),
                     until=lambda r: bool(r) and r[0].status == "accepted", what="allocation applied")
    await world.tick(utc(2025, 6, 30, 22))  # long after every deadline
    [body] = mails_about(world, "sara@example.org", "U hebt een plaats")
    assert "15/10/2025" in body and "later dan u vroeg" in body and "minder dagen" in body
    clocks = await rows(world, ResponseDeadline, request_id=request_id)
    assert {c.status for c in clocks} == {"answered", "closed"}  # the proposing location answered; the other closed
    assert not mails_about(world, "sara@example.org", "Herinnering")
