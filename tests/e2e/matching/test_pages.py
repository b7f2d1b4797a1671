"""The matching pages in real headless Chromium over the running system: a provider proposes
from its ranking, the family accepts with the keyboard alone, the desk reads why each location
was told. Dutch by default, French on request, nothing loaded from another origin."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page

from infra.local.stack import LocalStack
from tests.e2e.matching.test_request_to_allocation import parent_link, password_token
from tests.support.payloads import registration
from tests.support.waiting import eventually

pytestmark = [pytest.mark.browser]


async def signed_in(browser: Browser, system: LocalStack, authorization: dict[str, str],
                    seen: list[str]) -> Page:
    context = await browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")  # a phone
    await context.add_cookies([{"name": "opvang_token", "value": authorization["Authorization"][7:],
                                "url": system.url("portal")}])
    page = await context.new_page()
    page.on("request", lambda r: seen.append(r.url))
    return page


async def test_provider_proposes_family_accepts_by_keyboard_desk_sees_why(
    system: LocalStack, http: httpx.AsyncClient, browser: Browser
) -> None:
    wanted = date.today() + timedelta(days=80)
    body = registration(91, wanted_start_date=wanted.isoformat(), child_birth_date="2026-06-01")
    request_id = (await http.post(f"{system.url('intake')}/api/v1/requests", json=body)).json()["request_id"]
    desk = await password_token(http, system, "loket.gent")

    async def distributed() -> Any:
        answer = await http.get(f"{system.url('matching')}/api/v1/requests/{request_id}/overview", headers=desk)
        return answer.status_code == 200 and answer.json()["distribution"]

    await eventually(distributed, what="request distributed")
    portal, seen = system.url("portal"), list[str]()

    provider = await signed_in(browser, system, await password_token(http, system, "zonnebloem"), seen)
    await provider.goto(f"{portal}/matching/provider")
    section = provider.locator("section", has_text="De Zonnebloem Brugse Poort")
    row = section.locator("tr", has_text=request_id[:8])
    await row.locator("input[type=date]").fill(wanted.isoformat())
    assert [await row.locator(f"input[value={d}]").is_checked() for d in ("mon", "tue", "wed", "thu", "fri")] == [
        True, True, False, True, False], "the days the family asked for are ticked"
    await row.get_by_role("button", name="Versturen").click()
    await provider.get_by_role("status").filter(has_text="Gelukt.").wait_for()

    family = await signed_in(browser, system, await parent_link(http, system, request_id), seen)
    await family.goto(f"{portal}/matching/proposals/{request_id}")
    card = family.locator("section", has_text="De Zonnebloem Brugse Poort")
    await card.get_by_text("wacht op antwoord").wait_for()
    await card.get_by_role("button", name="Aanvaarden").focus()
    await family.keyboard.press("Enter")
    await family.get_by_role("status").filter(has_text="Gelukt.").wait_for()
    assert await card.get_by_text("aanvaard").count() >= 1

    await family.goto(f"{portal}/matching/proposals/{request_id}?lang=fr")
    assert await family.get_by_role("heading", name="Propositions pour votre demande").count() == 1

    worker = await signed_in(browser, system, desk, seen)
    await worker.goto(f"{portal}/matching/requests/{request_id}")
    await worker.get_by_role("heading", name="Wie kreeg de vraag, en waarom").wait_for()
    assert await worker.get_by_text("in het werkingsgebied").count() >= 1
    assert await worker.get_by_text("toegewezen").count() >= 1
    assert seen and all(url.startswith(portal) for url in seen), [u for u in seen if not u.startswith(portal)]
