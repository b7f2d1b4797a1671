"""The landing page: what this is, where to start, and (in dev) the demo accounts."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from infra.demo.data import ACCOUNTS
from services.portal.rendering import render
from services.portal.session import PortalUser

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def home(request: Request, user: PortalUser) -> HTMLResponse:
    accounts = ACCOUNTS if request.app.state.settings.env != "prod" else ()
    return render(request, "home/index.html", {"accounts": accounts}, user=user)
