"""Wiring of the identity provider."""

from __future__ import annotations

from fastapi import FastAPI

from services.identity.entrypoints.routes import build_router
from services.identity.keys import SigningKey
from services.runtime.http import create_app
from services.runtime.settings import VAR_DIR, ServiceSettings, load_settings


def build_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or load_settings("identity")
    key = SigningKey(VAR_DIR / "identity" / "signing-key.pem")
    router = build_router(settings, key, settings.url_of("portal"))
    return create_app(settings=settings, title="Opvangloket identity (built-in OIDC provider)", routers=[router])
