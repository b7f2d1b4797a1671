"""Wiring of the matching service: consumers, routes, the expiry job."""

from __future__ import annotations

import asyncio
import contextlib

from fastapi import FastAPI

import services.matching.domain.messages  # noqa: F401 - registers message texts
from contracts.events.intake import DESK_POLICY_TOPIC, REQUEST_TOPIC
from contracts.events.offer import LOCATION_TOPIC
from services.matching.adapters.tables import metadata
from services.matching.entrypoints.http import ROUTERS
from services.matching.handlers import READ_MODEL_HANDLERS
from services.matching.jobs import expiry_loop
from services.runtime.clock import Clock, SettableClock
from services.runtime.db import Database
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None) -> FastAPI:
    settings = settings or load_settings("matching")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    # one hand-off to SQLite's thread per statement (runtime/sqlite_driver.py): most of these consumers' CPU
    runtime = ServiceRuntime(settings, metadata, clock=clock, database=Database(settings.database_url, one_trip=True))
    runtime.subscribe(Subscription(
        group="matching.read-models",
        topics=(REQUEST_TOPIC, DESK_POLICY_TOPIC, LOCATION_TOPIC),
        handlers=READ_MODEL_HANDLERS,
        description="Keeps requests, desk policies and locations; distributes each new or changed request, "
                    "reopens the requests of a closed location.",
    ))
    jobs: list[asyncio.Task[None]] = []

    async def start_jobs(_: FastAPI) -> None:
        jobs.append(asyncio.create_task(expiry_loop(runtime), name="matching-expiry"))

    async def stop_jobs(_: FastAPI) -> None:
        for job in jobs:
            job.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await job

    app = create_app(settings=settings, title="Opvangloket matching", routers=list(ROUTERS), runtime=runtime,
                     on_startup=[start_jobs], on_shutdown=[stop_jobs],
                     description="Distribution, responses, proposals, allocations and allocation rounds.")
    return app
