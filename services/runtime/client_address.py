"""Rate limits of public endpoints: whose call it is, and counting an anonymous caller's calls.

Behind the portal or an ingress every call comes from the front end's address; a trusted front end
names the real client in X-Forwarded-For. Shared by every service with anonymous endpoints (intake's
registration and link requests, offer's search), so that the rule is the same everywhere.
"""

from __future__ import annotations

from starlette.requests import Request

from services.runtime.redis_tools import RateLimiter


def parse_rate(value: str, default_window: int) -> tuple[int, int]:
    """``"20/600"`` -> (20 calls, 600 seconds); ``"20"`` keeps *default_window*."""
    calls, _, window = value.partition("/")
    return int(calls), int(window or default_window)


def parse_proxies(value: str) -> frozenset[str]:
    """``"127.0.0.1, ::1"`` -> the set of trusted front-end addresses."""
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def client_key(request: Request, trusted: frozenset[str]) -> str | None:
    """The address to rate-limit: the peer, or the client a trusted front end names (None: internal call).

    A trusted front end appends the address it saw to X-Forwarded-For, so the last entry is the one
    to believe; a call from a trusted address without the header is one of our own services.
    """
    peer = request.client.host if request.client else "unknown"
    if peer not in trusted:
        return peer
    forwarded = request.headers.get("x-forwarded-for", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else None


async def limit_anonymous_caller(request: Request, principal: object | None, limiter: RateLimiter, *, bucket: str,
                                 limit: int, window_seconds: int, trusted: frozenset[str]) -> None:
    """Count an anonymous caller's call against its address: 429 with Retry-After past *limit* per window.

    Signed-in callers and our own services (a trusted address without X-Forwarded-For) are not counted.
    """
    client = client_key(request, trusted)
    if principal is None and client is not None:
        await limiter.hit(bucket, client, limit=limit, window_seconds=window_seconds)
