"""Wiring of the offer service: runtime, consumers, search cache, routes, demo offer."""

from __future__ import annotations

from fastapi import FastAPI
from redis.asyncio import Redis

import services.offer.domain.messages  # noqa: F401 - registers message texts
from contracts.events.intake import DESK_POLICY_TOPIC
from contracts.events.matching import MATCHING_TOPIC
from services.offer.adapters.cache import SearchCache
from services.offer.adapters.tables import metadata
from services.offer.config import OfferConfig
from services.offer.entrypoints import (
    desk,
    provider_capacity,
    provider_keys,
    provider_locations,
    provider_sheets,
    public,
)
from services.offer.entrypoints import providers as provider_routes
from services.offer.entrypoints.openapi import document_security
from services.offer.handlers.allocations import ALLOCATION_HANDLERS
from services.offer.handlers.demo import ensure_version_row, seed_demo_offer
from services.offer.handlers.desks import DESK_HANDLERS
from services.runtime.clock import Clock, SettableClock
from services.runtime.http import create_app
from services.runtime.redis_tools import RateLimiter, make_redis
from services.runtime.service import ServiceRuntime, Subscription
from services.runtime.settings import ServiceSettings, load_settings

DESCRIPTION = """Providers, locations, licensed capacity and derived free places, and the provider API.

* **Families** search without signing in (`GET /api/v1/locations`).
* **Providers** keep their offer current from their own software with an API key: trade the key for a
  token at the identity provider (`grant_type=urn:opvangloket:grant-type:api-key`), then call the
  `/api/v1/provider/...` endpoints with `Authorization: Bearer <token>`. Send an `Idempotency-Key`
  header with POST/PUT to retry safely. See docs/integration-guide.md.
* **Desks** close a location when its licence is suspended or withdrawn.

Errors come in the caller's language (`Accept-Language: nl`, `fr` or `en`)."""


def build_app(settings: ServiceSettings | None = None, clock: Clock | None = None,
              redis: Redis | None = None) -> FastAPI:
    settings = settings or load_settings("offer")
    if clock is None and settings.env == "test":
        clock = SettableClock()
    runtime = ServiceRuntime(settings, metadata, clock=clock)
    runtime.subscribe(Subscription(
        group="offer.allocations", topics=(MATCHING_TOPIC,), handlers=ALLOCATION_HANDLERS,
        description="Keeps the allocation ledger behind derived free places (PlaceAllocated, AllocationCancelled).",
    ))
    runtime.subscribe(Subscription(
        group="offer.desk-areas", topics=(DESK_POLICY_TOPIC,), handlers=DESK_HANDLERS,
        description="Keeps each desk's working area, so a desk acts only on locations in it.",
    ))
    redis = redis or make_redis(settings.redis_url)

    async def prepare(_: FastAPI) -> None:
        async with runtime.uow() as uow:
            await ensure_version_row(uow)
        if settings.env != "prod":
            async with runtime.uow() as uow:
                await seed_demo_offer(uow)

    async def close_redis(_: FastAPI) -> None:
        await redis.aclose()  # type: ignore[attr-defined]  # redis>=5; the stubs are older

    app = create_app(
        settings=settings, title="Opvangloket offer", description=DESCRIPTION, runtime=runtime,
        routers=[public.router, provider_locations.router, provider_capacity.router, provider_keys.router,
                 provider_sheets.router, desk.router, provider_routes.router],
        on_startup=[prepare], on_shutdown=[close_redis],
    )
    app.state.search_cache = SearchCache(redis, registry=app.state.metrics.registry)
    app.state.offer_config = OfferConfig.from_env()
    app.state.public_limiter = RateLimiter(redis, "offer")
    document_security(app, settings.public_url)
    return app
