"""The reports pages in headless Chromium: a desk worker signs in, reads the yearly report, submits
the form with the keyboard, downloads the Excel file, shares the report with the providers, and
sees the dashboards drawn by the portal's own Chart.js; on a phone nothing spills sideways;
nothing is loaded from elsewhere."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.async_api import Browser, Page

from infra.local.stack import LocalStack

pytestmark = [pytest.mark.browser]


async def sign_in(page: Page, system: LocalStack, username: str, path: str) -> None:
    await page.goto(f"{system.url('portal')}/auth/login?next={path}")
    await page.fill("#username", username)
    await page.fill("#password", "demo")
    await page.press("#password", "Enter")
    await page.wait_for_url(f"{system.url('portal')}{path}*")


async def test_desk_worker_reads_downloads_and_sees_charts(system: LocalStack, browser: Browser) -> None:
    context = await browser.new_context(locale="nl-BE", accept_downloads=True)
    page = await context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    await sign_in(page, system, "loket.gent", "/rapporten")

    assert await page.text_content("h1") == "Jaarrapport voor Opgroeien"
    await page.focus("#year")
    await page.keyboard.press("Control+A")
    await page.keyboard.type("2025")
    await page.keyboard.press("Enter")
    await page.wait_for_url("**year=2025**")
    rows = await page.locator(".report-table").first.locator("tbody th").all_text_contents()
    assert rows == ["Destelbergen", "Gent", "Merelbeke-Melle", "Buiten het werkingsgebied", "Totaal"]
    assert await page.locator("details.category").count() == 5
    async with page.expect_download() as download:
        await page.get_by_role("link", name="Excel, zoals het formulier van Opgroeien").click()
    assert (await download.value).suggested_filename == "opgroeien-registratie-2025-peildatum-2026-02-28.xlsx"
    await page.get_by_role("button", name="Deel met alle organisatoren").click()
    await page.wait_for_url("**shared=2**")
    assert await page.get_by_role("status").text_content() == "Gedeeld met 2 organisatoren."

    await page.goto(f"{system.url('portal')}/rapporten/dashboard?as_of=2025-12-31&months=12")
    await page.wait_for_function("document.querySelectorAll('canvas[data-drawn=true]').length === 6")
    assert await page.locator("figure.chart details.data table").count() == 6
    assert "Opvangvragen per maand" in await page.locator("figure.chart h2").all_text_contents()

    await page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/rapporten?year=2025", "/rapporten/dashboard?as_of=2025-12-31&lang=fr"):
        await page.goto(f"{system.url('portal')}{path}")
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is wider than a phone ({width}px)"
    assert await page.text_content("h1") == "Tableau de bord du guichet"

    allowed = {urlparse(system.url(name)).netloc for name in ("portal", "identity")}
    assert hosts <= allowed, f"loaded from elsewhere: {hosts - allowed}"
    await context.close()


async def test_other_roles_are_refused(system: LocalStack, browser: Browser) -> None:
    page = await (await browser.new_context(locale="nl-BE")).new_page()
    await sign_in(page, system, "zonnebloem", "/rapporten/gedeeld")
    assert await page.text_content("h1") == "Jaarrapporten die loketten met jou deelden"
    answer = await page.goto(f"{system.url('portal')}/rapporten")
    assert answer is not None and answer.status == 403
    assert await page.text_content("h1") == "Je hebt geen toegang tot deze pagina."
