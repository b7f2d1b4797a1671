"""Locations as offer knows them, for pages of other services that know them by id only."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import httpx
from fastapi import Request

from services.portal.session import user_token


async def location_names(request: Request, ids: Iterable[str]) -> dict[str, dict[str, str]]:
    """location_id -> {name, provider_id} for the locations a page shows, from offer's public location
    page (the search is paged and would miss most of Flanders). Unknown or offer down: left out."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}

    async def one(http: httpx.AsyncClient, location_id: str) -> tuple[str, dict[str, str]] | None:
        try:
            answer = await http.get(f"/api/v1/locations/{location_id}")
            row = answer.json() if answer.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            return None
        if not isinstance(row, dict):
            return None
        return location_id, {"name": str(row.get("name", "")), "provider_id": str(row.get("provider_id", ""))}

    async with httpx.AsyncClient(base_url=request.app.state.settings.url_of("offer"), timeout=10) as http:
        rows = await asyncio.gather(*(one(http, location_id) for location_id in wanted))
    return dict(row for row in rows if row is not None)


async def own_locations(request: Request) -> list[dict[str, str]]:
    """The signed-in provider's own locations (all desks), by name; empty when offer cannot answer."""
    answer: list[Any] = []
    token = user_token(request)
    try:
        async with httpx.AsyncClient(base_url=request.app.state.settings.url_of("offer"), timeout=10) as http:
            response = await http.get("/api/v1/provider/locations", headers={"Authorization": f"Bearer {token}"})
            answer = response.json() if response.status_code == 200 else []
    except (httpx.HTTPError, ValueError):
        return []
    rows = [{"location_id": str(r["location_id"]), "name": str(r.get("name", ""))}
            for r in answer if isinstance(r, dict) and r.get("location_id")]
    return sorted(rows, key=lambda r: r["name"])
