"""The offer pages in real headless Chromium: a family searches by keyboard on a phone-sized screen;
a provider signs in, publishes a location, corrects its free places and makes an API key. Nothing is
loaded from a third party."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.async_api import Browser, Page, expect

from infra.local.stack import LocalStack

pytestmark = [pytest.mark.browser]


async def new_page(browser: Browser, hosts: set[str], **options: object) -> Page:
    context = await browser.new_context(locale="nl-BE", **options)  # type: ignore[arg-type]
    page = await context.new_page()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    return page


async def test_a_family_searches_with_the_keyboard_on_a_phone(system: LocalStack, browser: Browser) -> None:
    hosts: set[str] = set()
    page = await new_page(browser, hosts, viewport={"width": 375, "height": 740})
    await page.goto(f"{system.url('portal')}/opvang?lang=nl")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Opvang zoeken")
    await page.get_by_label("Gemeente").select_option("44021")  # Gent
    await page.get_by_label("maandag").focus()
    await page.keyboard.press("Space")
    await page.get_by_label("betaalt volgens inkomen (inkomenstarief)").check()
    await page.get_by_label("Hoe ver mag het zijn? (km)").fill("4")
    await page.get_by_label("Hoe ver mag het zijn? (km)").press("Enter")
    await expect(page.get_by_role("heading", name="opvanglocaties gevonden")).to_be_visible()
    first = page.locator(".result h3 a").first
    name = await first.inner_text()
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    await first.focus()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", level=1)).to_have_text(name)
    await expect(page.get_by_role("heading", name="Openingsuren")).to_be_visible()
    await expect(page.get_by_text("Je betaalt volgens je inkomen")).to_be_visible()
    await page.goto(page.url + "?lang=fr")
    await expect(page.get_by_role("heading", name="Heures d'ouverture")).to_be_visible()
    assert hosts == {"127.0.0.1"}, f"third-party requests: {hosts}"


async def sign_in(page: Page, system: LocalStack, username: str, start: str) -> None:
    await page.goto(f"{system.url('portal')}/auth/login?next={start}")
    await page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    await page.get_by_label("Wachtwoord", exact=True).fill("demo")
    await page.get_by_label("Wachtwoord", exact=True).press("Enter")
    await page.wait_for_url(f"**{start}")


async def test_a_provider_publishes_corrects_and_makes_a_key(system: LocalStack, browser: Browser) -> None:
    hosts: set[str] = set()
    page = await new_page(browser, hosts)
    await sign_in(page, system, "kaboutertjes", "/aanbieder")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Mijn opvanglocaties")
    await page.get_by_role("link", name="Nieuwe opvanglocatie").click()
    await page.get_by_label("Naam", exact=True).fill("Onthaalouder Browser")
    await page.get_by_label("Straat en nummer").fill("Dorpsstraat 4")
    await page.get_by_label("Postcode").fill("9070")
    await page.get_by_label("Plaats", exact=True).fill("Destelbergen")
    await page.get_by_label("Gemeente").select_option("44013")
    await page.get_by_label("Gezinsopvang").check()
    await page.get_by_label("Erkend maandag").fill("4")
    await page.get_by_label("Erkend dinsdag").fill("4")
    await page.get_by_role("button", name="Opslaan").click()
    await expect(page.get_by_role("status")).to_have_text("Opgeslagen.")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Onthaalouder Browser")

    fewer = page.get_by_label("Aantal plaatsen minder")
    await fewer.fill("-1")
    assert not await fewer.evaluate("input => input.checkValidity()")  # the browser already says what is wrong
    await fewer.fill("1")
    await page.get_by_label("Reden").select_option("staff_shortage")
    await page.get_by_label("Aantal plaatsen minder").press("Enter")
    await expect(page.get_by_role("status")).to_have_text("Opgeslagen.")
    corrections = page.get_by_role("table").nth(1)
    await expect(corrections).to_contain_text("Personeelstekort")
    await expect(corrections).to_contain_text("geldt nu")
    monday = page.get_by_role("table").first.get_by_role("row").nth(1)
    await expect(monday).to_contain_text("-1")

    await page.goto(f"{system.url('portal')}/aanbieder/api-sleutels")
    await page.get_by_label("Naam van de sleutel").fill("Planning browser")
    await page.get_by_role("button", name="Sleutel maken").click()
    secret = await page.locator("#new-key").input_value()
    assert secret.startswith("olk_")
    await page.reload()
    assert secret not in await page.content()  # shown once
    assert hosts == {"127.0.0.1"}, f"third-party requests: {hosts}"
