"""The desk worker's worklist and a family's form in real Chromium: keyboard only, phone width, languages."""

from __future__ import annotations

import uuid

import httpx
import pytest
from playwright.async_api import Page, expect

from infra.local.stack import LocalStack
from tests.e2e.intake.pages import sign_in
from tests.support.payloads import registration

pytestmark = [pytest.mark.browser]


async def test_desk_worker_finds_a_request_marks_it_urgent_and_sees_who_did_what(
    system: LocalStack, http: httpx.AsyncClient, page: Page
) -> None:
    portal = system.url("portal")
    last = f"Janssens-{uuid.uuid4().hex[:6]}"
    answer = await http.post(f"{system.url('intake')}/api/v1/requests", json=registration(
        60, child_first_name="Lena", child_last_name=last, contact_phone="0470 12 34 60"))
    assert answer.status_code == 201, answer.text

    await sign_in(page, portal, "loket.gent", "/loket")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Werklijst")
    # keyboard only: type in the search box, Enter, then follow the link with Enter
    await page.get_by_label("Zoek op naam, e-mail, telefoon of nummer").focus()
    await page.keyboard.type(last)
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("status")).to_have_text("1 vragen")
    link = page.get_by_role("link", name=f"Lena {last}")
    await link.focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", level=1)).to_contain_text(f"Lena {last}")
    await expect(page.get_by_text("0470 12 34 60")).to_be_visible()

    await page.get_by_label("dringend").focus()
    await page.keyboard.press("Space")
    await page.get_by_role("button", name="Kenmerken opslaan").press("Enter")
    await expect(page.get_by_role("status")).to_have_text("Gedaan.")
    await expect(page.locator(".flag-list")).to_contain_text("dringend: aan — An De Smet (Loket Gent)")
    await expect(page.locator("#history-title + table")).to_contain_text("kenmerken aangepast")
    await expect(page.locator("#access-title + table")).to_contain_text("vraag bekeken")
    await page.get_by_role("button", name="Maak een link").click()  # for a family without e-mail
    await expect(page.locator("#handover-url")).to_contain_text("/ouders/link/")

    await page.goto(f"{portal}/loket?view=urgent&q={last}")
    row = page.get_by_role("row").filter(has_text=last)
    await expect(row).to_contain_text("dringend")
    await page.get_by_role("link", name="Nieuw").first.click()
    await expect(page.get_by_role("link", name="Nieuw")).to_have_attribute("aria-current", "page")

    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"


async def test_the_form_answers_bad_input_in_the_familys_language_with_focus_on_the_summary(
    system: LocalStack, page: Page
) -> None:
    await page.goto(f"{system.url('portal')}/ouders/aanvragen?lang=fr")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Demander un accueil")
    await page.get_by_label("Numéro de registre national", exact=False).fill("12345678901")
    await page.get_by_role("button", name="Envoyer la demande").click()
    summary = page.get_by_role("alert")
    await expect(summary).to_contain_text("Vérifiez ces points")
    await expect(summary).to_contain_text("Ce numéro de registre national n'est pas correct")
    await expect(summary).to_contain_text("Sans votre accord")
    focused = await page.evaluate("document.activeElement.id")
    assert focused == "error-summary", "a screen reader lands on the list of problems"
    field = page.locator("#child_national_number")
    await expect(field).to_have_attribute("aria-invalid", "true")
    described = await field.get_attribute("aria-describedby") or ""
    assert "child_national_number-error" in described.split()
    await summary.get_by_role("link").first.click()
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"
