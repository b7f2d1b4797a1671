"""Settings of one service process, from the environment.

Every setting can be given per service (``INTAKE_DATABASE_URL``) or for all services at once
(``DATABASE_URL``); the per-service variable wins. Defaults are the embedded ones of ``make run``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("OPVANG_VAR_DIR", ROOT / "var"))

DEFAULT_PORTS = {
    "portal": 8000,
    "intake": 8001,
    "offer": 8002,
    "matching": 8003,
    "notifications": 8004,
    "reporting": 8005,
    "identity": 8006,
}


class ServiceSettings(BaseModel):
    service: str
    env: Literal["dev", "test", "prod"] = "dev"
    http_host: str = "127.0.0.1"
    http_port: int = 0
    public_url: str = ""
    database_url: str = ""
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "SCRAM-SHA-512"
    kafka_sasl_username: str = ""
    kafka_sasl_password: str = ""
    kafka_ssl_cafile: str = ""
    kafka_replication_factor: int = Field(default=1, ge=1)
    redis_url: str = "redis://127.0.0.1:6379/0"
    oidc_issuer: str = "http://127.0.0.1:8006"
    oidc_jwks_url: str = ""
    oidc_audience: str = "opvangloket"
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    log_level: str = "INFO"
    log_json: bool = True
    outbox_retention_days: int = Field(default=800, ge=1)
    outbox_poll_seconds: float = Field(default=0.5, gt=0)
    consumer_max_attempts: int = Field(default=3, ge=1)
    consumer_retry_base_seconds: float = Field(default=0.2, ge=0)
    # tansu holds an empty fetch this long and does not answer early when records arrive: a hop waits
    # up to half of it, and every consumer asks this often when idle (docs/evidence.md, "Fetch wait").
    consumer_fetch_max_wait_ms: int = Field(default=250, ge=1, description="longest a consumer's fetch waits")
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    mail_from: str = "Lokaal Loket Kinderopvang <loket@opvangloket.local>"
    maildir: str = ""
    service_urls: dict[str, str] = {}
    test_clock_dir: str = Field(default="", description="ENV=test: keep the test clock's offset here over restarts")

    @property
    def jwks_url(self) -> str:
        return self.oidc_jwks_url or f"{self.oidc_issuer.rstrip('/')}/.well-known/jwks.json"

    def url_of(self, service: str) -> str:
        """Base URL of another service's HTTP API."""
        if service in self.service_urls:
            return self.service_urls[service]
        return f"http://127.0.0.1:{DEFAULT_PORTS[service]}"


def _env(service: str, name: str) -> str | None:
    return os.environ.get(f"{service.upper()}_{name.upper()}", os.environ.get(name.upper()))


def load_settings(service: str, **overrides: object) -> ServiceSettings:
    """Read every field from the environment (per-service first), then apply *overrides*."""
    values: dict[str, object] = {"service": service}
    for name in ServiceSettings.model_fields:
        if name in {"service", "service_urls"}:
            continue
        raw = _env(service, name)
        if raw is not None:
            values[name] = raw
    urls = {}
    for other in DEFAULT_PORTS:
        raw = os.environ.get(f"{other.upper()}_URL")
        if raw:
            urls[other] = raw
    values["service_urls"] = urls
    values.update(overrides)
    settings = ServiceSettings.model_validate(values)
    if not settings.http_port:
        settings = settings.model_copy(update={"http_port": DEFAULT_PORTS.get(service, 0)})
    if not settings.database_url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        settings = settings.model_copy(update={"database_url": f"sqlite+aiosqlite:///{VAR_DIR / service}.db"})
    if not settings.public_url:
        settings = settings.model_copy(
            update={"public_url": f"http://{settings.http_host}:{settings.http_port}"}
        )
    return settings
