"""The desk's dashboard page: six charts drawn by the vendored Chart.js, each with its figures as
a table too (for screen readers, keyboards and printing)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from contracts import municipalities
from services.portal.i18n import page_language, translator
from services.portal.pages.reports import texts
from services.portal.pages.reports.client import ReportingError, call, gate, page
from services.portal.session import PortalUser
from services.reporting.domain.labels import CATEGORY_LABELS
from services.runtime.auth import Role

router = APIRouter()
UNIT_LABELS = {"time_to_first_proposal": "rep_days", "response_times": "rep_workdays"}


def label(chart: str, code: str, lang: str) -> str:
    t = translator(lang)
    if chart in UNIT_LABELS:
        return t(UNIT_LABELS[chart], label=code)
    if len(code) == 7 and code[4] == "-":  # a month: 2025-03
        return f"{texts.MONTHS[lang][int(code[5:]) - 1]} {code[:4]}"
    if code == "outside":
        return t("rep_outside")
    found = municipalities.get(code)
    return found.name(lang) if found else code


def series_name(key: str, lang: str) -> str:
    if key in CATEGORY_LABELS:
        return CATEGORY_LABELS[key][lang]
    return translator(lang)(f"series_{key}")


def notes(chart: dict[str, Any], lang: str) -> list[str]:
    t = translator(lang)
    shown = []
    for key, value in chart["notes"].items():
        if value is None:
            continue
        if key == "on_time_share":
            value = round(value * 100)
        if isinstance(value, float):
            value = f"{value:.1f}".rstrip("0").rstrip(".")
        shown.append(t(f"note_{key}", value=value))
    return shown


def chart_view(chart: dict[str, Any], lang: str) -> dict[str, Any]:
    labels = [label(chart["key"], code, lang) for code in chart["labels"]]
    return {
        "id": chart["key"].replace("_", "-"), "kind": chart["kind"], "title": translator(lang)(f"chart_{chart['key']}"),
        "labels": labels, "datasets": [{"label": series_name(s["key"], lang), "data": s["values"]}
                                       for s in chart["series"]],
        "notes": notes(chart, lang),
    }


@router.get("/rapporten/dashboard", include_in_schema=False)
async def dashboard(request: Request, user: PortalUser, desk: str | None = None, as_of: str | None = None,
                    months: str = "12") -> Response:
    refused = gate(request, user, Role.DESK)
    if refused or user is None:
        return refused  # type: ignore[return-value]
    lang = page_language(request)
    chosen = desk if desk in user.desk_ids else (user.desk_ids[0] if user.desk_ids else None)
    context: dict[str, Any] = {"desk": chosen, "desks": user.desk_ids, "as_of": as_of or "", "months": months,
                               "charts": [], "problem": None, "errors": {}, "data": "[]"}
    if chosen is None:
        context["problem"] = translator(lang)("rep_no_desk")
        return page(request, "reports/dashboard.html", context, user, status_code=403)
    params: dict[str, Any] = {"desk_id": chosen, "months": months, **({"as_of": as_of} if as_of else {})}
    try:
        answer = (await call(request, "GET", "/api/v1/dashboards", params=params)).json()
    except ReportingError as error:
        context.update(problem=error.message, errors=error.fields)
        return page(request, "reports/dashboard.html", context, user, status_code=error.status)
    charts = [chart_view(chart, lang) for chart in answer["charts"].values()]
    context.update(charts=charts, as_of=as_of or answer["as_of"], rebuilding=answer["projection"] == "rebuilding",
                   data=json.dumps(charts, ensure_ascii=False).replace("</", "<\\/"),
                   shown_day=date.fromisoformat(answer["as_of"]))
    return page(request, "reports/dashboard.html", context, user)
