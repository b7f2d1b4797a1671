"""Start one service process with uvicorn, logging configured from its settings."""

from __future__ import annotations

import uvicorn

from services.runtime.logs import configure_logging
from services.runtime.settings import load_settings


def serve(service: str, app_factory: str) -> None:
    settings = load_settings(service)
    configure_logging(service, settings.log_level, settings.log_json)
    uvicorn.run(
        app_factory,
        factory=True,
        host=settings.http_host,
        port=settings.http_port,
        log_level="warning",
        access_log=False,
        lifespan="on",
    )
