"""Wiring of the reporting service: the projection consumer, the hub-stream publisher, routes."""

from __future__ import annotations

from fastapi import FastAPI

import services.reporting.messages  # noqa: F401 - registers message texts
from contracts.events.intake import DESK_POLICY_TOPIC, REQUEST_TOPIC
from contracts.events.matching import MATCHING_TOPIC
from contracts.events.notifications import DELIVERY_TOPIC
from contracts.events.offer import LOCATION_TOPIC
from services.reporting.adapters.tables import metadata
from services.reporting.config import ReportingConfig
from services.reporting.entrypoints import dashboards_http, ops_http, reports_http, shares_http
from services.reporting.handlers import PROJECTION_HANDLERS
from services.reporting.stats_publisher import StatsPublisher, start_publisher, stop_publisher
from services.runtime.clock import Clock, SettableClock
from services.runtime.db import Database
from services.runtime.http import create_app
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings

PROJECTION_GROUP = "reporting.projection"
PROJECTION_TOPICS = (REQUEST_TOPIC, DESK_POLICY_TOPIC, LOCATION_TOPIC, MATCHING_TOPIC, DELIVERY_TOPIC)
ROUTERS = [reports_http.router, shares_http.router, dashboards_http.router, ops_http.router]


def projection_subscription() -> Subscription:
    return Subscription(
        group=PROJECTION_GROUP,
        topics=PROJECTION_TOPICS,
        handlers=PROJECTION_HANDLERS,
        description="Keeps every event as a fact (event time, order-tolerant): the yearly report, the "
                    "dashboards and the hub streams are folds of these facts.",
    )


def build_app(
    settings: ServiceSettings | None = None, clock: Clock | None = None, config: ReportingConfig | None = None,
) -> FastAPI:
    settings = settings or load_settings("reporting")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    # one hand-off to SQLite's thread per statement (runtime/sqlite_driver.py): most of these consumers' CPU
    runtime = ServiceRuntime(settings, metadata, clock=clock, database=Database(settings.database_url, one_trip=True))
    runtime.subscribe(projection_subscription())
    publisher = StatsPublisher(runtime, config or ReportingConfig.from_env())

    async def start(app: FastAPI) -> None:
        app.state.stats_task = await start_publisher(publisher)

    async def stop(app: FastAPI) -> None:
        await stop_publisher(app.state.stats_task)

    app = create_app(settings=settings, title="Opvangloket reporting", routers=ROUTERS, runtime=runtime,
                     on_startup=[start], on_shutdown=[stop],
                     description="The yearly report to Opgroeien, dashboards for desks, hub streams.")
    app.state.stats_publisher = publisher
    return app
