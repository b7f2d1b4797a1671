"""FastAPI application factory shared by every service.

Adds: correlation ids (``X-Correlation-ID`` in, out, and in every log line), ``/healthz`` and
``/readyz``, ``/metrics`` (Prometheus), ``/asyncapi.json``, errors in the caller's language,
and - only when ENV=test - an endpoint to set the service clock.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from services.runtime import openapi_doc
from services.runtime.auth import TokenVerifier
from services.runtime.clock import SettableClock
from services.runtime.correlation import CorrelationMiddleware
from services.runtime.errors import AppError
from services.runtime.i18n import negotiate, translate, translate_validation_error
from services.runtime.logs import get_logger
from services.runtime.redis_tools import IdempotencyMiddleware, make_redis
from services.runtime.service import ServiceRuntime
from services.runtime.settings import ServiceSettings

log = get_logger(__name__)

ReadyCheck = Callable[[], Awaitable[bool]]


def request_language(request: Request) -> str:
    return negotiate(request.headers.get("accept-language"), request.query_params.get("lang"))


class Metrics:
    def __init__(self, service: str) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "http_requests_total", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "http_request_seconds", "HTTP request duration", ["method", "route"], registry=self.registry
        )
        self.consumed = Gauge(
            "events_applied_total", "Events applied per consumer group", ["group"], registry=self.registry
        )
        self.dead = Gauge(
            "events_dead_lettered_total", "Records sent to a dead-letter topic", ["group"],
            registry=self.registry,
        )
        self.published = Gauge("outbox_published_total", "Events published by the relay", registry=self.registry)


def create_app(
    *,
    settings: ServiceSettings,
    title: str,
    routers: Sequence[APIRouter] = (),
    runtime: ServiceRuntime | None = None,
    ready_checks: dict[str, ReadyCheck] | None = None,
    on_startup: Sequence[Callable[[FastAPI], Awaitable[None]]] = (),
    on_shutdown: Sequence[Callable[[FastAPI], Awaitable[None]]] = (),
    description: str = "",
    use_redis: bool = True,
) -> FastAPI:
    """*use_redis*: every POST/PUT/PATCH honours ``Idempotency-Key``; Redis is part of readiness."""
    metrics = Metrics(settings.service)
    checks = dict(ready_checks or {})
    redis = make_redis(settings.redis_url) if use_redis else None
    if redis is not None:
        async def redis_ready() -> bool:
            return bool(await redis.ping())

        checks.setdefault("redis", redis_ready)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if runtime is not None:
            await runtime.start()
        for hook in on_startup:
            await hook(app)
        log.info("http ready", url=settings.public_url)
        yield
        for hook in on_shutdown:
            await hook(app)
        if runtime is not None:
            await runtime.stop()
        if redis is not None:
            await redis.aclose()

    app = FastAPI(
        title=title, description=description, version="1.0.0", lifespan=lifespan,
        docs_url=None, redoc_url=None,
    )
    openapi_doc.install(app)
    app.state.settings = settings
    app.state.runtime = runtime
    app.state.metrics = metrics
    app.state.token_verifier = TokenVerifier(settings)
    app.state.redis = redis
    if redis is not None:
        app.add_middleware(IdempotencyMiddleware, redis=redis, service=settings.service)

    app.add_middleware(CorrelationMiddleware, metrics=metrics)  # outermost: its id is in every line

    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> JSONResponse:
        lang = request_language(request)
        body: dict[str, Any] = {"code": exc.code, "message": translate(exc.code, lang, **exc.params)}
        if exc.field:
            body["fields"] = [{"field": exc.field, "code": exc.code, "message": body["message"]}]
        headers = {"Retry-After": str(exc.params["seconds"])} if "seconds" in exc.params else None
        return JSONResponse({"error": body}, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        lang = request_language(request)
        fields = [translate_validation_error(dict(e), lang) for e in exc.errors()]
        return JSONResponse(
            {"error": {"code": "validation_failed", "message": translate("validation_failed", lang),
                       "fields": fields}},
            status_code=422,
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", path=request.url.path)
        lang = request_language(request)
        return JSONResponse(
            {"error": {"code": "internal_error", "message": translate("internal_error", lang)}}, status_code=500
        )

    @app.get("/healthz", tags=["operations"], summary="Liveness: the process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": settings.service}

    @app.get("/readyz", tags=["operations"], summary="Readiness: database, broker and Redis reachable")
    async def readyz() -> JSONResponse:
        results: dict[str, bool] = {}
        if runtime is not None:
            results.update(await runtime.ready())
        for name, check in checks.items():
            try:
                results[name] = await check()
            except Exception:
                results[name] = False
        ok = all(results.values())
        return JSONResponse({"ready": ok, "checks": results}, status_code=200 if ok else 503)

    @app.get("/metrics", tags=["operations"], summary="Prometheus metrics", response_class=PlainTextResponse)
    async def metrics_endpoint() -> PlainTextResponse:
        if runtime is not None:
            for group, processor in runtime.processors.items():
                metrics.consumed.labels(group).set(processor.stats.applied)
                metrics.dead.labels(group).set(processor.stats.dead_lettered)
            metrics.published.set(runtime.relay.published_total)
        return PlainTextResponse(generate_latest(metrics.registry).decode())

    if runtime is not None:
        @app.get("/asyncapi.json", tags=["operations"], summary="AsyncAPI document of this service's events")
        async def asyncapi() -> JSONResponse:
            from services.runtime.asyncapi import asyncapi_document

            return JSONResponse(asyncapi_document(runtime))

        @app.get("/ops/consumers", tags=["operations"], summary="Consumer statistics per group")
        async def consumers() -> dict[str, Any]:
            return {
                "relay": {"published": runtime.relay.published_total,
                          "pending": await runtime.relay.pending_count(),
                          "republish_rounds": runtime.relay.republish_rounds},
                "rewinds": {"groups": runtime.rewinder.groups_rewound,
                            "partitions": runtime.rewinder.partitions_rewound},
                "groups": {g: vars(p.stats) for g, p in runtime.processors.items()},
            }

    if settings.env == "test" and runtime is not None and isinstance(runtime.clock, SettableClock):
        clock = runtime.clock
        if settings.test_clock_dir:
            clock.persist_to(Path(settings.test_clock_dir) / f"{settings.service}.json")

        @app.post("/_test/clock", include_in_schema=False)
        async def set_clock(payload: dict[str, str]) -> dict[str, str]:
            clock.set(datetime.fromisoformat(payload["now"]))
            return {"now": clock.now().isoformat()}

    for router in routers:
        app.include_router(router)
    return app
