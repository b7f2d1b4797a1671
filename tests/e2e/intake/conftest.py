"""Pages of the shared ``system`` stack in the one session-wide Chromium (tests/e2e/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, BrowserContext, Page


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh browser profile per test, phone-sized: the pages must work on a phone."""
    ctx = await browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")
    ctx.set_default_timeout(15_000)
    yield ctx
    await ctx.close()


@pytest.fixture
async def page(context: BrowserContext) -> Page:
    return await context.new_page()
