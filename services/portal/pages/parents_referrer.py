"""Pages for referrers (OCMW, Huis van het Kind): register a family without e-mail, hand over its link."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.portal.i18n import page_language, translator
from services.portal.pages.parents_api import json_or
from services.portal.pages.parents_submit import form_page, submit_registration
from services.portal.rendering import render
from services.portal.session import PortalUser, user_token
from services.runtime.auth import Role

router = APIRouter()
EXTRAS = frozenset({"referrer", "vulnerable_family"})


def sign_in(path: str) -> RedirectResponse:
    return RedirectResponse(f"/auth/login?next={path}", status_code=303)


@router.get("/toeleider", response_class=HTMLResponse, include_in_schema=False)
async def referrer_home(request: Request, user: PortalUser) -> Response:
    if user is None or user.role is not Role.REFERRER:
        return sign_in("/toeleider")
    rows = await json_or(request, "intake", "/api/v1/my/requests", [], token=user_token(request))
    return render(request, "parents/referrer_list.html", {"rows": rows}, user=user)


@router.get("/toeleider/nieuw", response_class=HTMLResponse, include_in_schema=False)
async def referrer_form(request: Request, user: PortalUser) -> Response:
    if user is None or user.role is not Role.REFERRER:
        return sign_in("/toeleider/nieuw")
    t = translator(page_language(request))
    return await form_page(request, user, values={}, errors={}, action="/toeleider/nieuw", title=t("referrer_new"),
                           intro=t("referrer_intro"), extras=EXTRAS)


@router.post("/toeleider/nieuw", response_class=HTMLResponse, include_in_schema=False)
async def referrer_submit(request: Request, user: PortalUser) -> Response:
    if user is None or user.role is not Role.REFERRER:
        return sign_in("/toeleider/nieuw")
    t = translator(page_language(request))
    values, answer, errors, status = await submit_registration(request, user_token(request), EXTRAS)
    if answer is None:
        return await form_page(request, user, values=values, errors=errors, action="/toeleider/nieuw",
                               title=t("referrer_new"), intro=t("referrer_intro"), extras=EXTRAS, status_code=status)
    return render(request, "parents/referrer_done.html", {"answer": answer}, user=user, status_code=201)
