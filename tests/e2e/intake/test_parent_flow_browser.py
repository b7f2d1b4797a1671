"""A family in real Chromium: register, open the status link from the mail, accept a proposal.

The proposal is made through matching's provider API as the demo provider De Zonnebloem (contract:
POST /api/v1/provider/requests/{request_id}/proposals), exactly as a provider's software would.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import jwt
import pytest
from playwright.async_api import Page, expect

from infra.demo.data import demo_id
from infra.local.stack import LocalStack
from tests.e2e.intake.pages import fill_request
from tests.integration.intake.helpers import bearer, user_token
from tests.support.waiting import eventually

pytestmark = [pytest.mark.browser]
BRUGSE_POORT = demo_id("location:zonnebloem-brugse-poort")


async def propose(http: httpx.AsyncClient, system: LocalStack, request_id: str) -> dict[str, Any]:
    """De Zonnebloem proposes once matching has distributed the request to its locations."""
    token = await user_token(http, system.url("identity"), "zonnebloem")
    body = {"location_id": BRUGSE_POORT, "start_date": (date.today() + timedelta(days=60)).isoformat(),
            "care_pattern": {"days": [{"weekday": d} for d in ("mon", "tue", "thu")]}}

    async def attempt() -> httpx.Response:
        return await http.post(f"{system.url('matching')}/api/v1/provider/requests/{request_id}/proposals",
                               json=body, headers=bearer(token, **{"Idempotency-Key": f"propose-{request_id}"}))

    answer = await eventually(attempt, until=lambda r: r.status_code in (200, 201), timeout=30,
                              what="De Zonnebloem's proposal accepted by matching")
    return answer.json()  # type: ignore[no-any-return]


async def test_register_open_the_mailed_link_and_accept_a_proposal(
    system: LocalStack, http: httpx.AsyncClient, page: Page
) -> None:
    portal = system.url("portal")
    last = f"Peeters-{uuid.uuid4().hex[:6]}"
    email = f"sara.{uuid.uuid4().hex[:8]}@example.org"

    await page.goto(f"{portal}/")
    await page.get_by_role("link", name="Opvang aanvragen").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Opvang aanvragen")
    await fill_request(page, first="Noor", last=last, email=email)
    await page.get_by_role("button", name="Vraag versturen").click()
    await expect(page.get_by_role("heading", name="Je vraag is verstuurd")).to_be_visible()

    await page.goto(f"{portal}/dev/mailbox")
    await eventually(_reload_until(page, email), what="the mail in the dev mailbox", timeout=30)
    await page.get_by_role("row").filter(has_text=email).get_by_role("link").click()
    await expect(page.get_by_role("heading", name="Je opvangvraag is geregistreerd")).to_be_visible()
    await page.get_by_role("link", name="/ouders/link/").click()
    await expect(page.get_by_role("heading", name="Voor Noor")).to_be_visible()
    assert page.url.endswith("/ouders/mijn-aanvraag"), "the token leaves the address bar"

    cookie = next(c for c in await page.context.cookies() if c["name"] == "opvang_link")
    assert cookie["httpOnly"]
    request_id = jwt.decode(cookie["value"], options={"verify_signature": False})["request_ids"][0]
    proposal = await propose(http, system, request_id)

    async def proposal_shown() -> int:
        await page.reload()
        return await page.get_by_role("button", name="Aanvaarden").count()

    await eventually(proposal_shown, what="the proposal on the status page", timeout=30)
    await expect(page.locator(f"#proposal-{proposal['proposal_id']}")).to_contain_text("wacht op je antwoord")
    await page.get_by_role("button", name="Aanvaarden").click()
    await expect(page.get_by_role("status")).to_contain_text("Je aanvaardde het voorstel")

    async def allocated() -> str:
        await page.reload()
        return await page.locator(".request .badge").first.inner_text()

    await eventually(allocated, until=lambda text: text == "plaats toegewezen", what="allocated", timeout=30)


def _reload_until(page: Page, email: str) -> Any:
    async def probe() -> int:
        await page.reload()
        return await page.get_by_role("row").filter(has_text=email).count()

    return probe
