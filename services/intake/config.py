"""Intake's own settings (environment variables), beside the shared ones of services/runtime/settings.py.

| variable | default | meaning |
|---|---|---|
| INTAKE_FINGERPRINT_SECRET | a development value (required when ENV=prod) | key of the duplicate-detection hashes |
| INTAKE_PUBLIC_RATE_LIMIT | 20/600 | anonymous registrations (and link requests) per client per window (seconds) |
| INTAKE_TRUSTED_PROXIES | 127.0.0.1,::1 | front ends (the portal, an ingress) whose X-Forwarded-For names the client |
| INTAKE_RETENTION_INTERVAL | 3600 | seconds between two runs of the retention job |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from services.runtime.client_address import parse_proxies, parse_rate

DEV_SECRET = "dev-intake-fingerprint-secret"


@dataclass(frozen=True)
class IntakeConfig:
    fingerprint_secret: str = DEV_SECRET
    public_rate_limit: int = 20
    public_rate_window: int = 600
    trusted_proxies: frozenset[str] = frozenset({"127.0.0.1", "::1"})
    retention_interval_seconds: float = 3600

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> IntakeConfig:
        values = os.environ if environ is None else environ
        secret = values.get("INTAKE_FINGERPRINT_SECRET", "") or DEV_SECRET
        limit, window = parse_rate(values.get("INTAKE_PUBLIC_RATE_LIMIT", "20/600"), 600)
        proxies = values.get("INTAKE_TRUSTED_PROXIES", "127.0.0.1,::1")
        return cls(fingerprint_secret=secret, public_rate_limit=limit, public_rate_window=window,
                   trusted_proxies=parse_proxies(proxies),
                   retention_interval_seconds=float(values.get("INTAKE_RETENTION_INTERVAL", "3600")))

    def check_production(self) -> None:
        """Refuse to start in production with the development key of the duplicate hashes."""
        if self.fingerprint_secret == DEV_SECRET:
            raise RuntimeError("INTAKE_FINGERPRINT_SECRET must be set in production")
