"""Portal pages, one module per area; each exposes ``router``. Add a new area to AREAS."""

from __future__ import annotations

from fastapi import APIRouter

from services.portal.pages import (
    auth,
    desk,
    home,
    mailbox,
    matching,
    notifications,
    parents,
    providers,
    reports,
)

AREAS: tuple[APIRouter, ...] = (
    home.router,
    auth.router,
    mailbox.router,
    parents.router,
    desk.router,
    providers.router,
    matching.router,
    notifications.router,
    reports.router,
)
