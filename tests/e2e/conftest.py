"""Browser fixtures for end-to-end page tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, Page

from tests.support.browser import chromium


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with chromium() as launched:
        yield launched


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844})
    page = await context.new_page()
    yield page
    await context.close()
