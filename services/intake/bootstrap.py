"""Wiring of the intake service: runtime, consumers, routes, Redis helpers, background jobs, demo desks."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI

import services.intake.domain.messages  # noqa: F401 - registers message texts
import services.intake.domain.messages_desk  # noqa: F401 - registers message texts
from contracts.events.matching import MATCHING_TOPIC
from contracts.events.notifications import DELIVERY_TOPIC
from services.intake.adapters.links import LinkIssuer
from services.intake.adapters.mailer import MailWorker
from services.intake.adapters.recipients import RecipientsClient
from services.intake.adapters.tables import metadata
from services.intake.config import IntakeConfig
from services.intake.entrypoints.deps import IntakeParts
from services.intake.entrypoints.http import ROUTERS
from services.intake.handlers.events import STATUS_HANDLERS
from services.intake.handlers.policies import seed_demo_desks
from services.intake.jobs import retention_loop, stop_task
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.redis_tools import RateLimiter, make_redis
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings

DESCRIPTION = """Requests for childcare and the personal data of families, desks and their versioned policies.

Personal data never leave intake on the bus: events carry ids, dates, NIS codes, care patterns and flags.
Send an `Idempotency-Key` header with every POST: a repeat returns the first answer. Errors come in the
caller's language (`Accept-Language` or `?lang=`: nl, fr, en)."""


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None,
              config: IntakeConfig | None = None) -> FastAPI:
    settings = settings or load_settings("intake")
    config = config or IntakeConfig.from_env()
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    runtime.subscribe(Subscription(
        group="intake.request-status",
        topics=(MATCHING_TOPIC, DELIVERY_TOPIC),
        handlers=STATUS_HANDLERS,
        description="Where each request stands for its family and desk: proposals, allocation, reopening, "
                    "escalations.",
    ))
    redis = make_redis(settings.redis_url)
    links = LinkIssuer(settings)
    parts = IntakeParts(config=config, links=links, mailer=MailWorker(runtime, links),
                        limiter=RateLimiter(redis, "intake"), recipients=RecipientsClient(settings))
    tasks: list[asyncio.Task[None]] = []

    async def start(_: FastAPI) -> None:
        if settings.env == "prod":
            config.check_production()
        else:
            async with runtime.uow() as uow:
                await seed_demo_desks(uow, runtime.clock.now())
        tasks.append(asyncio.create_task(parts.mailer.run(), name="intake-mail"))
        tasks.append(asyncio.create_task(retention_loop(runtime, redis, config.retention_interval_seconds),
                                         name="intake-retention"))

    async def stop(_: FastAPI) -> None:
        parts.mailer.stop()
        for task in tasks:
            await stop_task(task)
        await parts.recipients.close()
        await links.close()
        await redis.aclose()

    app = create_app(settings=settings, title="Opvangloket intake", routers=list(ROUTERS), runtime=runtime,
                     on_startup=[start], on_shutdown=[stop], description=DESCRIPTION)
    app.state.intake = parts
    return app
