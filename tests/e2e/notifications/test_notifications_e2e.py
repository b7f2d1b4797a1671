"""Notifications as its own process in the whole system: matching's RequestDistributed on the bus
reaches the provider by real SMTP (the mail sink), a signed webhook and its pull feed; the service
clock (POST /_test/clock) brings the reminder and the overdue answers; the desk works its list in
headless Chromium, with the keyboard; the provider chooses its channels on its own page.
"""

from __future__ import annotations

import mailbox
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.async_api import Browser, expect

from contracts.events.matching import Recipient, RequestDistributed
from contracts.events.notifications import DELIVERY_TOPIC
from infra.demo.data import DESK_LEUVEN, LOCATIONS, PROVIDER_LEUVEN
from infra.local.stack import LocalStack
from services.notifications.domain.deadlines import DeadlinePolicy, response_schedule
from tests.e2e.notifications.conftest import Bus, ServiceClock, bearer, signed_in_page, token
from tests.integration.notifications.neighbours import WebhookReceiver
from tests.support.bus import read_events
from tests.support.waiting import eventually

pytestmark = [pytest.mark.browser]
LEUVEN = [loc.location_id for loc in LOCATIONS if loc.provider_id == PROVIDER_LEUVEN]


def mails(system: LocalStack, to: str, containing: str) -> list[str]:
    found = []
    for message in mailbox.Maildir(system.maildir, create=True):
        body = message.get_payload(decode=True)
        text = body.decode(errors="replace") if isinstance(body, bytes) else str(body)
        if to in str(message["To"]) and containing in text:
            found.append(str(message["Subject"]))
    return found


@pytest.mark.postgres
async def test_distribution_told_reminded_escalated_and_worked_by_the_desk(
    system: LocalStack, http: httpx.AsyncClient, bus: Bus, service_clock: ServiceClock,
    receiver: tuple[WebhookReceiver, str], browser: Browser,
) -> None:
    api = system.url("notifications")
    provider = bearer(await token(system, "leuven.kdv"))
    hooks, hooks_url = receiver
    answer = await http.put(f"{api}/api/v1/provider/preferences", headers=provider, json={
        "mode": "immediate", "channels": ["email", "webhook", "pull"], "email": "planning@leuven.example.org"})
    assert answer.status_code == 200, answer.text
    answer = await http.post(f"{api}/api/v1/provider/webhooks", headers=provider,
                             json={"url": f"{hooks_url}/hooks/leuven"})
    hooks.secrets["leuven"] = answer.json()["secret"]

    told_at = datetime.now(UTC).replace(microsecond=0)
    await service_clock.set(http, told_at)
    request_id = str(uuid.uuid4())
    await bus.publish(RequestDistributed(
        request_id=request_id, desk_id=DESK_LEUVEN, mode="all_fitting", distribution_round=1, distributed_at=told_at,
        recipients=tuple(Recipient(location_id=loc, provider_id=PROVIDER_LEUVEN) for loc in LEUVEN)), told_at)

    await eventually(lambda: _hooks_for(hooks, request_id), until=lambda h: len(h) == 1, what="signed webhook")
    assert all(h.valid for h in hooks.received["leuven"])
    await eventually(lambda: _async(mails, system, "planning@leuven.example.org", request_id), until=bool,
                     what="mail through the SMTP sink")
    desk = bearer(await token(system, "loket.leuven"))
    log = await eventually(lambda: _log(http, api, desk, request_id),
                           until=lambda rows: {(r["channel"], r["status"]) for r in rows} >= {
                               ("email", "delivered"), ("webhook", "delivered"), ("pull", "available")},
                           what="delivery log")
    assert {r["provider_id"] for r in log} == {PROVIDER_LEUVEN}

    schedule = response_schedule(told_at, DeadlinePolicy())  # the Leuven demo policy: 5 working days
    await service_clock.set(http, schedule.overdue_at + timedelta(minutes=1))
    lines = await eventually(lambda: _worklist(http, api, desk, request_id), until=lambda w: len(w) == 2,
                             what="both locations overdue on the worklist")
    assert {w["location_id"] for w in lines} == set(LEUVEN)
    assert {w["due_date"] for w in lines} == {schedule.due_date.isoformat()}
    if schedule.reminder_at is not None:
        await eventually(lambda: _async(mails, system, "planning@leuven.example.org", request_id),
                         until=lambda subjects: any("Herinnering" in s for s in subjects), what="reminder mail")

    async def overdue_events() -> list[object]:
        events = await read_events(system.bootstrap_servers, DELIVERY_TOPIC, partitions=3)
        return [e for e in events if e["type"] == "ResponseOverdue" and e["data"].get("request_id") == request_id]

    await eventually(overdue_events, until=lambda e: len(e) == 2, what="two ResponseOverdue on the bus")

    # the desk worker works the list in the browser, with the keyboard only
    page = await signed_in_page(browser, system, "loket.leuven", viewport={"width": 390, "height": 844})
    await page.goto(f"{system.url('portal')}/loket/meldingen")
    await expect(page.get_by_role("heading", name="Werklijst en bewijs van melding")).to_be_visible()
    await expect(page.get_by_text("Organisator antwoordde niet op tijd").first).to_be_visible()
    before = len(await _worklist(http, api, desk, None))
    button = page.get_by_role("button", name=f"Afgehandeld {request_id[:8]}").first
    await button.focus()
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/loket/meldingen?desk=*")
    assert len(await _worklist(http, api, desk, None)) == before - 1
    await page.get_by_label("Nummer van de opvangvraag").fill(request_id)
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("bezorgd").first).to_be_visible()
    await page.context.close()


async def test_provider_chooses_channels_on_its_page_in_its_language(
    system: LocalStack, http: httpx.AsyncClient, browser: Browser,
) -> None:
    page = await signed_in_page(browser, system, "kaboutertjes")
    portal = system.url("portal")
    await page.goto(f"{portal}/meldingen")
    await expect(page.get_by_role("heading", name="Meldingen van nieuwe opvangvragen")).to_be_visible()
    await page.get_by_label("Eén keer per dag, in een overzicht").check()
    await page.get_by_label("Uur van het dagoverzicht").select_option("7")
    await page.get_by_label("Webhook naar uw software").check()
    # an address the browser's own check lets through but the service refuses (no domain)
    await page.get_by_label("E-mailadres voor meldingen").fill("planning@kaboutertjes")
    await page.get_by_role("button", name="Bewaren").click()
    await expect(page.get_by_role("alert")).to_contain_text("Geef een geldig e-mailadres")
    await page.goto(f"{portal}/meldingen?lang=fr")
    await page.get_by_label("E-mail", exact=True).uncheck()
    await page.get_by_label("Webhook vers votre logiciel").check()
    await page.get_by_label("Adresse e-mail pour les notifications").fill("")
    await page.get_by_role("button", name="Enregistrer").click()
    await expect(page.get_by_role("status")).to_contain_text("Votre choix est enregistré")
    prefs = (await http.get(f"{system.url('notifications')}/api/v1/provider/preferences",
                            headers=bearer(await token(system, "kaboutertjes")))).json()
    assert prefs["channels"] == ["webhook", "pull"] or prefs["channels"] == ["webhook"]
    await page.get_by_label("Adresse (URL)").fill("http://127.0.0.1:9/hooks/kabouter")
    await page.get_by_role("button", name="Ajouter un webhook").click()
    secret = page.locator("#secret-value")
    await expect(secret).to_be_focused()
    assert (await secret.input_value()).startswith("whsec_")
    assert await page.evaluate("document.documentElement.lang") == "fr"
    await page.context.close()


async def _async(fn, *args):  # type: ignore[no-untyped-def]
    return fn(*args)


async def _hooks_for(hooks: WebhookReceiver, request_id: str) -> list[object]:
    return [h for h in hooks.received.get("leuven", []) if request_id in h.body.decode()]


async def _log(http: httpx.AsyncClient, api: str, headers: dict[str, str], request_id: str) -> list[dict[str, str]]:
    return (await http.get(f"{api}/api/v1/deliveries", params={"request_id": request_id}, headers=headers)).json()  # type: ignore[no-any-return]


async def _worklist(http: httpx.AsyncClient, api: str, headers: dict[str, str],
                    request_id: str | None) -> list[dict[str, str]]:
    lines = (await http.get(f"{api}/api/v1/desk/{DESK_LEUVEN}/overdue", headers=headers)).json()
    return [w for w in lines if request_id is None or w["request_id"] == request_id]
