"""The portal in real Chromium: a newcomer sees the demo accounts, signs in through the identity
provider with the keyboard, and reads mail that went through the real SMTP sink."""

from __future__ import annotations

import smtplib
import uuid
from email.message import EmailMessage

import httpx
import pytest
from playwright.async_api import Page, expect

from infra.local.stack import SERVICES, LocalStack
from tests.support.waiting import eventually

pytestmark = [pytest.mark.browser]


async def test_every_process_is_healthy_and_ready(system: LocalStack, http: httpx.AsyncClient) -> None:
    for service in SERVICES:
        assert (await http.get(f"{system.url(service)}/healthz")).json()["status"] == "ok"
        ready = await http.get(f"{system.url(service)}/readyz")
        assert ready.status_code == 200 and ready.json()["ready"], (service, ready.text)


async def test_newcomer_signs_in_as_desk_worker_with_the_keyboard(system: LocalStack, page: Page) -> None:
    await page.goto(system.url("portal"))
    await expect(page.get_by_role("heading", level=1)).to_contain_text("één keer")
    await expect(page.get_by_role("cell", name="loket.gent")).to_be_visible()
    await page.get_by_role("link", name="Aanmelden").last.click()
    await page.get_by_label("Gebruikersnaam", exact=True).fill("loket.gent")
    await page.get_by_label("Wachtwoord", exact=True).fill("demo")
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Aangemeld als")).to_be_visible()
    await expect(page.locator(".who")).to_contain_text("An De Smet")


async def test_wrong_password_is_refused_with_a_clear_message(system: LocalStack, page: Page) -> None:
    await page.goto(f"{system.url('portal')}/auth/login")
    await page.get_by_label("Gebruikersnaam", exact=True).fill("loket.gent")
    await page.get_by_label("Wachtwoord", exact=True).fill("fout")
    await page.get_by_role("button", name="Aanmelden", exact=True).click()
    await expect(page.get_by_role("alert")).to_contain_text("klopt niet")


async def test_pages_switch_language(system: LocalStack, page: Page) -> None:
    await page.goto(f"{system.url('portal')}/?lang=fr")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("une seule demande")
    await page.goto(system.url("portal"))  # the choice is remembered
    await expect(page.locator("html")).to_have_attribute("lang", "fr")


async def test_mail_sent_over_smtp_shows_in_the_dev_mailbox(system: LocalStack, page: Page) -> None:
    subject = f"Testbericht {uuid.uuid4().hex[:6]}"
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "loket@opvangloket.local", "ouder@example.org", subject
    message.set_content("Bekijk je aanvraag: http://127.0.0.1/status/abc")
    with smtplib.SMTP("127.0.0.1", system.config.smtp_port) as smtp:
        smtp.send_message(message)

    async def listed() -> str:
        await page.goto(f"{system.url('portal')}/dev/mailbox")
        return await page.content()

    await eventually(listed, until=lambda html: subject in html, what="mail in the dev mailbox")
    await page.get_by_role("link", name=subject).click()
    await expect(page.get_by_role("link", name="http://127.0.0.1/status/abc")).to_be_visible()


async def test_portal_loads_nothing_from_third_parties(system: LocalStack, page: Page) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    await page.goto(system.url("portal"))
    await page.wait_for_load_state("networkidle")
    assert requested and all(url.startswith("http://127.0.0.1:") for url in requested), requested
