"""Pages of the reports area (issue 7): the yearly report for Opgroeien and sharing it, the desk's
dashboards, and the reports desks shared with a provider. Figures come from the reporting
service over HTTP with the user's own token."""

from __future__ import annotations

from fastapi import APIRouter

from services.portal.pages.reports import dashboard, shared, yearly

router = APIRouter()
for area in (yearly.router, dashboard.router, shared.router):
    router.include_router(area)
