"""Wiring of the reporting service."""

from __future__ import annotations

from fastapi import FastAPI

from contracts.events.intake import REQUEST_TOPIC
from services.reporting.adapters.tables import metadata
from services.reporting.entrypoints.http import router
from services.reporting.handlers import PROJECTION_HANDLERS
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or load_settings("reporting")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    runtime.subscribe(Subscription(
        group="reporting.projection",
        topics=(REQUEST_TOPIC,),
        handlers=PROJECTION_HANDLERS,
        description="Builds the report counts from events only.",
    ))
    return create_app(settings=settings, title="Opvangloket reporting", routers=[router], runtime=runtime)
