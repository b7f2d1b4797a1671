"""Wiring of the offer service."""

from __future__ import annotations

from fastapi import FastAPI

from services.offer.adapters.tables import metadata
from services.offer.entrypoints.http import router
from services.offer.handlers import seed_demo_offer
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime
from services.runtime.settings import ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or load_settings("offer")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)

    async def seed(_: FastAPI) -> None:
        if settings.env != "prod":
            async with runtime.uow() as uow:
                await seed_demo_offer(uow)

    return create_app(settings=settings, title="Opvangloket offer", routers=[router], runtime=runtime,
                      on_startup=[seed])
