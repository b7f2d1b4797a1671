"""What every intake route needs: the runtime, intake's own parts, the clock, the client's address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request

from services.intake.adapters.links import LinkIssuer
from services.intake.adapters.mailer import MailWorker
from services.intake.adapters.recipients import RecipientsClient
from services.intake.config import IntakeConfig
from services.runtime.auth import OptionalPrincipal
from services.runtime.client_address import limit_anonymous_caller
from services.runtime.redis_tools import RateLimiter
from services.runtime.service import ServiceRuntime


@dataclass
class IntakeParts:
    config: IntakeConfig
    links: LinkIssuer
    mailer: MailWorker
    limiter: RateLimiter
    recipients: RecipientsClient


async def runtime_of(request: Request) -> ServiceRuntime:
    """Async on purpose: FastAPI runs a plain ``def`` dependency in a worker thread, per request."""
    return request.app.state.runtime  # type: ignore[no-any-return]


async def parts_of(request: Request) -> IntakeParts:
    return request.app.state.intake  # type: ignore[no-any-return]


Runtime = Annotated[ServiceRuntime, Depends(runtime_of)]
Parts = Annotated[IntakeParts, Depends(parts_of)]


def now_of(runtime: ServiceRuntime) -> datetime:
    return runtime.clock.now()


def public_limit(bucket: str) -> Any:
    """Dependency: anonymous callers get a number of calls per window (counted even for bad input)."""

    async def check(request: Request, parts: Parts, principal: OptionalPrincipal) -> None:
        await limit_anonymous_caller(request, principal, parts.limiter, bucket=bucket,
                                     limit=parts.config.public_rate_limit,
                                     window_seconds=parts.config.public_rate_window,
                                     trusted=parts.config.trusted_proxies)

    return Depends(check)
