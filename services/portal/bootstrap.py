"""Wiring of the portal: page areas, static assets served by itself, and the service URLs."""

from __future__ import annotations

from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from services.portal.pages import AREAS
from services.runtime.http import create_app
from services.runtime.settings import ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or load_settings("portal")

    async def identity_ready() -> bool:
        async with httpx.AsyncClient(timeout=2) as http:
            return (await http.get(f"{settings.url_of('identity')}/healthz")).status_code == 200

    app = create_app(settings=settings, title="Opvangloket portal", routers=list(AREAS),
                     ready_checks={"identity": identity_ready})
    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    return app
