"""Wiring of the notifications service: consumers, scheduler, senders, routes, demo preferences."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI

import services.notifications.domain.messages  # noqa: F401 - registers message texts
from contracts.events.intake import DESK_POLICY_TOPIC, REQUEST_TOPIC
from contracts.events.matching import MATCHING_TOPIC
from contracts.events.reporting import REPORT_SHARE_TOPIC
from services.notifications.adapters.directory import Directory
from services.notifications.adapters.mailer import Mailer
from services.notifications.adapters.tables import metadata
from services.notifications.adapters.webhook_sender import WebhookSender
from services.notifications.demo import seed_demo_preferences
from services.notifications.dispatch.dispatcher import Dispatcher
from services.notifications.entrypoints.http import ROUTERS
from services.notifications.handlers import MATCHING_HANDLERS, POLICY_HANDLERS, REPORT_HANDLERS, REQUEST_HANDLERS
from services.notifications.scheduling.scheduler import Scheduler
from services.notifications.scheduling.wake import waking
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.redis_tools import make_redis
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings


def subscribe_all(runtime: ServiceRuntime, wake: Callable[[], None] = lambda: None) -> None:
    runtime.subscribe(Subscription(
        group="notifications.requests", topics=(REQUEST_TOPIC,), handlers=REQUEST_HANDLERS,
        description="Follows requests (dates, days, municipality; withdrawn or merged) for providers' messages.",
    ))
    runtime.subscribe(Subscription(
        group="notifications.policies", topics=(DESK_POLICY_TOPIC,), handlers=POLICY_HANDLERS,
        description="Keeps each desk's response period, reminder moment, 11 July rule and default mode.",
    ))
    runtime.subscribe(Subscription(
        group="notifications.matching", topics=(MATCHING_TOPIC,), handlers=waking(MATCHING_HANDLERS, wake),
        description="Tells providers of distributed requests and families of proposals; runs their deadlines.",
    ))
    runtime.subscribe(Subscription(
        group="notifications.reports", topics=(REPORT_SHARE_TOPIC,), handlers=REPORT_HANDLERS,
        description="Tells every provider of a working area that its desk shared the yearly report.",
    ))


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None, *,
              run_scheduler: bool = True) -> FastAPI:
    settings = settings or load_settings("notifications")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    redis = make_redis(settings.redis_url)
    directory = Directory(settings)
    webhooks = WebhookSender()
    dispatcher = Dispatcher(
        uow=runtime.uow, clock=runtime.clock, redis=redis, directory=directory, webhooks=webhooks,
        mailer=Mailer(settings.smtp_host, settings.smtp_port, settings.mail_from),
        portal_url=settings.url_of("portal"),
    )
    scheduler = Scheduler(uow=runtime.uow, dispatcher=dispatcher, redis=redis)
    subscribe_all(runtime, wake=scheduler.wake)

    async def redis_ready() -> bool:
        return bool(await redis.ping())

    async def start(app: FastAPI) -> None:
        if settings.env != "prod":
            await seed_demo_preferences(runtime)
        if run_scheduler:
            scheduler.start()

    async def stop(app: FastAPI) -> None:
        await scheduler.stop()
        await webhooks.close()
        await directory.close()
        await redis.aclose()

    app = create_app(settings=settings, title="Opvangloket notifications", routers=list(ROUTERS), runtime=runtime,
                     ready_checks={"redis": redis_ready}, on_startup=[start], on_shutdown=[stop],
                     description="E-mail, signed webhooks and a pull feed for providers; letters and mail for "
                                 "families; deadlines in working days; the delivery log as proof.")
    app.state.scheduler = scheduler
    app.state.dispatcher = dispatcher
    app.state.directory = directory
    app.state.redis = redis
    return app
