"""Matching's HTTP API: one router per audience."""

from __future__ import annotations

from fastapi import APIRouter

from services.matching.entrypoints import desk_api, family_api, internal_api, provider_api, rounds_api

ROUTERS: tuple[APIRouter, ...] = (
    provider_api.router, family_api.router, desk_api.router, rounds_api.router, internal_api.router,
)
