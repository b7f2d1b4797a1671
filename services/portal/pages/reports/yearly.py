"""The desk's yearly report page: the form's figures, downloads, and sharing with providers."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from contracts import municipalities
from services.portal.i18n import page_language, translator
from services.portal.pages.reports import texts  # noqa: F401 - registers the words
from services.portal.pages.reports.client import ReportingError, call, file_response, gate, page
from services.portal.session import PortalUser
from services.reporting.domain.columns import CATEGORIES, COLUMNS
from services.reporting.domain.labels import CATEGORY_LABELS, SHORT_COLUMN_LABELS, column_label
from services.runtime.auth import Principal, Role

router = APIRouter()


def row_name(key: str, lang: str) -> str:
    t = translator(lang)
    if key in ("outside", "total"):
        return t(f"rep_{key}")
    found = municipalities.get(key)
    return found.name(lang) if found else key


def table_view(document: dict[str, Any], lang: str) -> dict[str, Any]:
    year = int(document["year"])
    rows = [{"name": row_name(r["key"], lang), "counts": r["counts"], "total": False} for r in document["rows"]]
    rows.append({"name": row_name("total", lang), "counts": document["total"]["counts"], "total": True})
    return {
        "columns": [{"key": c.value, "label": SHORT_COLUMN_LABELS[c.value][lang],
                     "full": column_label(c.value, lang, year)} for c in COLUMNS],
        "categories": [{"key": c, "label": CATEGORY_LABELS[c][lang]} for c in CATEGORIES],
        "rows": rows, "cutoff": date.fromisoformat(document["cutoff"]), "year": year,
    }


def _desk(user: Principal, wanted: str | None) -> str | None:
    if wanted and wanted in user.desk_ids:
        return wanted
    return user.desk_ids[0] if user.desk_ids and not wanted else None


async def _page(request: Request, user: Principal, desk: str | None, year: int | None, cutoff: str | None,
                extra: dict[str, Any] | None = None, status_code: int = 200) -> Response:
    context: dict[str, Any] = {"desk": desk, "desks": user.desk_ids, "year": year, "cutoff": cutoff or "",
                               "errors": {}, "problem": None, "report": None, "shares": [], **(extra or {})}
    if desk is None:
        context["problem"] = translator(page_language(request))("rep_no_desk")
        return page(request, "reports/yearly.html", context, user, status_code=403)
    params = {"desk_id": desk, "year": year, **({"cutoff": cutoff} if cutoff else {})}
    try:
        document = (await call(request, "GET", "/api/v1/reports/yearly", params=params)).json()
        context["report"] = table_view(document, page_language(request))
        context["shares"] = (await call(request, "GET", "/api/v1/reports/yearly/shares",
                                        params={"desk_id": desk})).json()
    except ReportingError as error:
        context["problem"], context["errors"] = error.message, error.fields
        status_code = error.status if status_code == 200 else status_code
    return page(request, "reports/yearly.html", context, user, status_code=status_code)


@router.get("/rapporten", include_in_schema=False)
async def yearly_page(request: Request, user: PortalUser, desk: str | None = None, year: str | None = None,
                      cutoff: str | None = None, shared: int | None = None) -> Response:
    refused = gate(request, user, Role.DESK)
    if refused or user is None:
        return refused  # type: ignore[return-value]
    chosen = int(year) if year and year.isdigit() else date.today().year - 1
    return await _page(request, user, _desk(user, desk), chosen, cutoff, {"shared": shared})


@router.post("/rapporten/delen", include_in_schema=False)
async def share(request: Request, user: PortalUser, desk: Annotated[str, Form()], year: Annotated[int, Form()],
                cutoff: Annotated[str, Form()] = "") -> Response:
    refused = gate(request, user, Role.DESK)
    if refused or user is None:
        return refused  # type: ignore[return-value]
    body = {"desk_id": desk, "year": year, **({"cutoff": cutoff} if cutoff else {})}
    try:
        answer = (await call(request, "POST", "/api/v1/reports/yearly/share", json=body)).json()
    except ReportingError as error:
        return await _page(request, user, _desk(user, desk), year, cutoff,
                           {"share_problem": error.message}, status_code=error.status)
    query = f"desk={desk}&year={year}&cutoff={cutoff}&shared={answer['recipients']}"
    return RedirectResponse(f"/rapporten?{query}#delen", status_code=303)


@router.get("/rapporten/download", include_in_schema=False)
async def download(request: Request, user: PortalUser, desk: str, year: int, format: str = "xlsx",
                   cutoff: str | None = None) -> Response:
    refused = gate(request, user, Role.DESK)
    if refused:
        return refused
    params = {"desk_id": desk, "year": year, "format": format, **({"cutoff": cutoff} if cutoff else {})}
    try:
        return file_response(await call(request, "GET", "/api/v1/reports/yearly", params=params))
    except ReportingError as error:
        return Response(error.message, status_code=error.status, media_type="text/plain; charset=utf-8")
