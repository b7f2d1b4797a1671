"""Wiring of the notifications service."""

from __future__ import annotations

from fastapi import FastAPI

from contracts.events.intake import REQUEST_TOPIC
from services.notifications.adapters.tables import metadata
from services.notifications.entrypoints.http import router
from services.notifications.handlers import REQUEST_HANDLERS
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or load_settings("notifications")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    runtime.subscribe(Subscription(
        group="notifications.requests",
        topics=(REQUEST_TOPIC,),
        handlers=REQUEST_HANDLERS,
        description="Follows new requests so that providers are told within the agreed period.",
    ))
    return create_app(settings=settings, title="Opvangloket notifications", routers=[router], runtime=runtime)
