"""Showing the request form and sending it to intake: shared by families, referrers and desk workers."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.portal.i18n import page_language, translator
from services.portal.pages.parents_api import Unavailable, call, location_options
from services.portal.pages.parents_form import (
    MAX_RANKED,
    PARTS,
    PRIORITY_CODES,
    WEEKDAYS,
    body_from_form,
    errors_from_answer,
    municipality_options,
)
from services.portal.rendering import render
from services.runtime.auth import Principal


async def form_page(request: Request, user: Principal | None, *, values: dict[str, str], errors: dict[str, str],
                    action: str, title: str, intro: str, extras: frozenset[str] = frozenset(),
                    status_code: int = 200) -> HTMLResponse:
    lang = page_language(request)
    return render(request, "parents/form.html", {
        "values": values, "errors": errors, "action": action, "title": title, "intro": intro, "extras": extras,
        "idem": str(uuid.uuid4()), "municipalities": municipality_options(lang), "weekdays": WEEKDAYS,
        "parts": PARTS, "priority_codes": PRIORITY_CODES, "locations": await location_options(request),
        "max_ranked": MAX_RANKED,
    }, user=user, status_code=status_code)


async def submit_registration(request: Request, token: str | None, extras: frozenset[str] = frozenset()
                              ) -> tuple[dict[str, str], dict[str, Any] | None, dict[str, str], int]:
    """POST the form to intake: (values, answer or None, errors, status code)."""
    form = await request.form()
    values = {key: str(value) for key, value in form.items()}
    t = translator(page_language(request))
    body = body_from_form(values, lang=page_language(request), extras=extras)
    try:
        answer = await call(request, "intake", "POST", "/api/v1/requests", token=token, json=body,
                            params={"with_link": "true"}, idempotency_key=values.get("idem", ""))
    except Unavailable:
        return values, None, {"form": t("service_unavailable")}, 503
    if answer.status_code in (200, 201):
        return values, answer.json(), {}, answer.status_code
    if answer.status_code in (422, 429):
        return values, None, errors_from_answer(answer.json(), t("no_care_days")), answer.status_code
    return values, None, {"form": t("service_unavailable")}, 503
