"""Whose call is this? The address a public endpoint's rate limit counts against.

Behind the portal or an ingress every call comes from the front end's address; a trusted front end
names the real client in X-Forwarded-For. Shared by every service with anonymous endpoints.
"""

from __future__ import annotations

from starlette.requests import Request


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
