"""Wiring of the matching service."""

from __future__ import annotations

from fastapi import FastAPI

from contracts.events.intake import REQUEST_TOPIC
from contracts.events.offer import LOCATION_TOPIC
from services.matching.adapters.tables import metadata
from services.matching.entrypoints.http import router
from services.matching.handlers import READ_MODEL_HANDLERS
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or load_settings("matching")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    runtime.subscribe(Subscription(
        group="matching.read-models",
        topics=(REQUEST_TOPIC, LOCATION_TOPIC),
        handlers=READ_MODEL_HANDLERS,
        description="Keeps the open requests and locations that matching decides on.",
    ))
    return create_app(settings=settings, title="Opvangloket matching", routers=[router], runtime=runtime)
