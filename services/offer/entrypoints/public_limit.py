"""The public search and location pages are open to anyone: a client gets a number of calls per window.

A search costs offer real work (distance, free places per weekday) when it is not cached; without a
limit one script could keep the service busy for every family. Signed-in callers and offer's
neighbours (trusted addresses without X-Forwarded-For) are not counted.
"""

from __future__ import annotations

from fastapi import Request

from services.offer.config import OfferConfig
from services.runtime.auth import OptionalPrincipal
from services.runtime.client_address import limit_anonymous_caller


async def limit_anonymous(request: Request, principal: OptionalPrincipal) -> None:
    """Dependency of the public router: 429 with Retry-After once a client is past its window's calls."""
    config: OfferConfig = request.app.state.offer_config
    await limit_anonymous_caller(request, principal, request.app.state.public_limiter, bucket="public",
                                 limit=config.public_rate_limit, window_seconds=config.public_rate_window,
                                 trusted=config.trusted_proxies)
