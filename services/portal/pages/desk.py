"""Pages for desk workers: the worklist, one request in full, counter/phone registration (issue 3).

Everything a desk worker sees comes from intake with the worker's own token, so intake decides
(and logs) which families' data it may see.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import services.portal.pages.desk_texts  # noqa: F401 - registers texts
import services.portal.pages.desk_words  # noqa: F401 - registers texts
import services.portal.pages.parents_status_texts  # noqa: F401 - registers texts
from services.portal.i18n import page_language, translator
from services.portal.pages import desk_actions
from services.portal.pages.desk_actions import DESK_EXTRAS, desk_of, detail_page
from services.portal.pages.parents_api import json_or
from services.portal.pages.parents_submit import form_page, submit_registration
from services.portal.rendering import render
from services.portal.session import PortalUser, user_token

router = APIRouter()
router.include_router(desk_actions.router)
VIEWS = ("all", "new", "urgent", "overdue", "escalated", "merged", "closed")


def sign_in(path: str) -> RedirectResponse:
    return RedirectResponse(f"/auth/login?next={path}", status_code=303)


@router.get("/loket", response_class=HTMLResponse, include_in_schema=False)
async def worklist(request: Request, user: PortalUser, view: str = Query("all", max_length=20),
                   q: str = Query("", max_length=100), page: int = Query(1, ge=1, le=10_000)) -> Response:
    desk_id = desk_of(user)
    if desk_id is None:
        return sign_in("/loket")
    view = view if view in VIEWS else "all"
    data = await json_or(request, "intake", f"/api/v1/desks/{desk_id}/worklist", None, token=user_token(request),
                         params={"view": view, "q": q, "page": page})
    return render(request, "desk/worklist.html", {"data": data, "views": VIEWS, "view": view, "q": q,
                                                  "page": page}, user=user, status_code=200 if data else 503)


@router.get("/loket/aanvragen/{request_id}", response_class=HTMLResponse, include_in_schema=False)
async def request_detail(request: Request, request_id: str, user: PortalUser, notice: str = "") -> Response:
    if desk_of(user) is None:
        return sign_in(f"/loket/aanvragen/{request_id}")
    return await detail_page(request, user, request_id, notice=notice if notice == "done_notice" else "")


@router.get("/loket/nieuw", response_class=HTMLResponse, include_in_schema=False)
async def new_form(request: Request, user: PortalUser) -> Response:
    if desk_of(user) is None:
        return sign_in("/loket/nieuw")
    t = translator(page_language(request))
    return await form_page(request, user, values={"channel": "phone"}, errors={}, action="/loket/nieuw",
                           title=t("desk_new"), intro=t("desk_new_intro"), extras=DESK_EXTRAS)


@router.post("/loket/nieuw", response_class=HTMLResponse, include_in_schema=False)
async def new_submit(request: Request, user: PortalUser) -> Response:
    if desk_of(user) is None:
        return sign_in("/loket/nieuw")
    t = translator(page_language(request))
    values, answer, errors, status = await submit_registration(request, user_token(request), DESK_EXTRAS)
    if answer is None:
        return await form_page(request, user, values=values, errors=errors, action="/loket/nieuw",
                               title=t("desk_new"), intro=t("desk_new_intro"), extras=DESK_EXTRAS,
                               status_code=status)
    return RedirectResponse(f"/loket/aanvragen/{answer['request_id']}?notice=done_notice", status_code=303)


@router.get("/loket/beleid", response_class=HTMLResponse, include_in_schema=False)
async def policies(request: Request, user: PortalUser) -> Response:
    desk_id = desk_of(user)
    if desk_id is None:
        return sign_in("/loket/beleid")
    versions = await json_or(request, "intake", f"/api/v1/desks/{desk_id}/policies", [])
    current = await json_or(request, "intake", f"/api/v1/desks/{desk_id}/policy", {})
    return render(request, "desk/policies.html", {"versions": versions, "current": current}, user=user)


@router.get("/loket/toegang", response_class=HTMLResponse, include_in_schema=False)
async def access_log(request: Request, user: PortalUser, page: int = Query(1, ge=1, le=10_000)) -> Response:
    desk_id = desk_of(user)
    if desk_id is None:
        return sign_in("/loket/toegang")
    rows = await json_or(request, "intake", f"/api/v1/desks/{desk_id}/audit", [], token=user_token(request),
                         params={"page": page})
    return render(request, "desk/access.html", {"rows": rows, "page": page}, user=user)
