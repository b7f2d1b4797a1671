"""Render a page template with the language, the user and the translator already in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from services.portal.i18n import page_language, translator
from services.portal.session import LANG_COOKIE
from services.runtime.auth import Principal

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *,
    user: Principal | None = None, status_code: int = 200,
) -> HTMLResponse:
    lang = page_language(request)
    area = template.split("/", 1)[0]
    ctx = {"lang": lang, "t": translator(lang, area), "user": user, "env": request.app.state.settings.env}
    ctx.update(context or {})
    response = templates.TemplateResponse(request, template, ctx, status_code=status_code)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response
