"""Intake's HTTP API: every router, in the order they appear in the OpenAPI document."""

from __future__ import annotations

from fastapi import APIRouter

from services.intake.entrypoints import (
    contact_api,
    desk_admin_api,
    desk_api,
    links_api,
    mine_api,
    ops_api,
    policy_api,
    requests_api,
)

ROUTERS: tuple[APIRouter, ...] = (
    requests_api.router, links_api.router, mine_api.router, desk_api.router, contact_api.router,
    policy_api.router, desk_admin_api.router, ops_api.router,
)
