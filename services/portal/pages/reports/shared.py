"""The provider's page: yearly reports that desks shared with it, to read and download."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from services.portal.i18n import page_language
from services.portal.pages.reports.client import ReportingError, call, file_response, gate, page
from services.portal.pages.reports.yearly import table_view
from services.portal.session import PortalUser
from services.runtime.auth import Role

router = APIRouter()


@router.get("/rapporten/gedeeld", include_in_schema=False)
async def shared_reports(request: Request, user: PortalUser, share: str | None = None) -> Response:
    refused = gate(request, user, Role.PROVIDER)
    if refused or user is None:
        return refused  # type: ignore[return-value]
    context: dict[str, Any] = {"shares": [], "report": None, "chosen": share, "problem": None}
    try:
        context["shares"] = (await call(request, "GET", "/api/v1/provider/reports")).json()
        if context["shares"]:
            chosen = share or context["shares"][0]["share_id"]
            document = (await call(request, "GET", f"/api/v1/provider/reports/{chosen}")).json()
            context.update(report=table_view(document, page_language(request)), chosen=chosen)
    except ReportingError as error:
        context["problem"] = error.message
        return page(request, "reports/shared.html", context, user, status_code=error.status)
    return page(request, "reports/shared.html", context, user)


@router.get("/rapporten/gedeeld/{share_id}", include_in_schema=False)
async def shared_file(request: Request, user: PortalUser, share_id: str, format: str = "xlsx") -> Response:
    refused = gate(request, user, Role.PROVIDER)
    if refused:
        return refused
    try:
        return file_response(await call(request, "GET", f"/api/v1/provider/reports/{share_id}",
                                        params={"format": format}))
    except ReportingError as error:
        return Response(error.message, status_code=error.status, media_type="text/plain; charset=utf-8")
