"""Steps through the portal that several browser tests share."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.async_api import Page


async def sign_in(page: Page, portal: str, username: str, next_path: str) -> None:
    await page.goto(f"{portal}/auth/login?next={next_path}")
    await page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    await page.get_by_label("Wachtwoord", exact=True).fill("demo")
    await page.get_by_label("Wachtwoord", exact=True).press("Enter")
    await page.wait_for_url(f"{portal}{next_path}*")


async def fill_request(page: Page, *, first: str, last: str, email: str) -> None:
    """Fill the family's form by its labels only (what a screen reader user hears)."""
    born = (date.today() - timedelta(days=120)).isoformat()
    start = (date.today() + timedelta(days=60)).isoformat()
    await page.get_by_label(re.compile("^Voornaam")).fill(first)
    await page.get_by_label(re.compile("^Achternaam")).fill(last)
    await page.get_by_label(re.compile("^Geboortedatum")).fill(born)
    await page.get_by_label("Ouder 1: Voornaam").fill("Sara")
    await page.get_by_label("Ouder 1: Achternaam").fill(last)
    await page.get_by_label("E-mailadres").fill(email)
    await page.get_by_label(re.compile("^Je woonplaats")).select_option("44021")
    await page.get_by_label(re.compile("^Vanaf wanneer")).fill(start)
    for day in ("maandag", "dinsdag", "donderdag"):
        await page.get_by_label(day, exact=True).select_option("full")
    await page.get_by_label("In de buurt: hoogstens zoveel km van thuis").check()
    await page.get_by_label("kilometer").fill("5")
    await page.get_by_label("Het lokaal loket mag deze gegevens bewaren", exact=False).check()
