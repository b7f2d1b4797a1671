"""Offer's own settings (environment variables), beside the shared ones of services/runtime/settings.py.

| variable | default | meaning |
|---|---|---|
| OFFER_PUBLIC_RATE_LIMIT | 120/60 | anonymous search and location-page calls per client per window (seconds) |
| OFFER_TRUSTED_PROXIES | 127.0.0.1,::1 | front ends (the portal, an ingress) whose X-Forwarded-For names the client |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from services.runtime.client_address import parse_proxies, parse_rate


@dataclass(frozen=True)
class OfferConfig:
    public_rate_limit: int = 120
    public_rate_window: int = 60
    trusted_proxies: frozenset[str] = frozenset({"127.0.0.1", "::1"})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> OfferConfig:
        values = os.environ if environ is None else environ
        limit, window = parse_rate(values.get("OFFER_PUBLIC_RATE_LIMIT", "120/60"), 60)
        return cls(public_rate_limit=limit, public_rate_window=window,
                   trusted_proxies=parse_proxies(values.get("OFFER_TRUSTED_PROXIES", "127.0.0.1,::1")))
