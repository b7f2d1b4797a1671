"""Pages for parents and referrers: the request form, the personal link and the status page (issue 3).

The form works without JavaScript and with the keyboard only; errors come back from intake in the
page's language and are shown next to each field and in a summary at the top.
"""

from __future__ import annotations

import time
import uuid

import jwt
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

import services.portal.pages.desk_texts  # noqa: F401 - words of the desk-only form parts
import services.portal.pages.parents_status_texts  # noqa: F401 - registers texts
import services.portal.pages.parents_texts  # noqa: F401 - registers texts
from services.portal.i18n import page_language, translator
from services.portal.pages import parents_referrer, parents_status
from services.portal.pages.parents_api import LINK_COOKIE, Unavailable, call
from services.portal.pages.parents_form import errors_from_answer
from services.portal.pages.parents_submit import form_page, submit_registration
from services.portal.rendering import render
from services.portal.session import PortalUser, user_token
from services.runtime.auth import Role, TokenVerifier

router = APIRouter()
router.include_router(parents_status.router)
router.include_router(parents_referrer.router)


@router.get("/ouders/aanvragen", response_class=HTMLResponse, include_in_schema=False)
async def request_form(request: Request, user: PortalUser) -> HTMLResponse:
    t = translator(page_language(request))
    return await form_page(request, user, values={}, errors={}, action="/ouders/aanvragen", title=t("ask_care"),
                           intro=t("form_intro"))


@router.post("/ouders/aanvragen", response_class=HTMLResponse, include_in_schema=False)
async def request_submit(request: Request, user: PortalUser) -> HTMLResponse:
    t = translator(page_language(request))
    token = user_token(request) if user is not None and user.role is Role.PARENT else None
    values, answer, errors, status = await submit_registration(request, token)
    if answer is None:
        return await form_page(request, user, values=values, errors=errors, action="/ouders/aanvragen",
                               title=t("ask_care"), intro=t("form_intro"), status_code=status)
    return render(request, "parents/confirmation.html", {"answer": answer, "mailed": bool(values.get(
        "contact_email"))}, user=user, status_code=201 if answer["status"] == "open" else 200)


@router.get("/ouders/link/{token}", include_in_schema=False)
async def open_link(request: Request, token: str) -> Response:
    """The personal link from the mail: keep the token in a cookie and leave it out of the address bar."""
    verifier: TokenVerifier = request.app.state.token_verifier
    try:
        principal = await verifier.verify(token)
        claims = jwt.decode(token, options={"verify_signature": False})
    except (jwt.InvalidTokenError, ValueError, KeyError):
        principal = None
    if principal is None or principal.role is not Role.PARENT:
        return render(request, "parents/link_invalid.html", {}, status_code=400)
    response = RedirectResponse("/ouders/mijn-aanvraag", status_code=303)
    response.set_cookie(LINK_COOKIE, token, httponly=True, samesite="lax", path="/ouders",
                        secure=request.app.state.settings.public_url.startswith("https"),
                        max_age=max(int(claims["exp"] - time.time()), 60))
    if principal.language in ("nl", "fr", "en"):
        response.set_cookie("opvang_lang", principal.language, max_age=365 * 24 * 3600, samesite="lax")
    return response


@router.get("/ouders/link-kwijt", response_class=HTMLResponse, include_in_schema=False)
async def lost_link_form(request: Request, user: PortalUser) -> HTMLResponse:
    return render(request, "parents/lost_link.html",
                  {"values": {}, "errors": {}, "sent": False, "idem": str(uuid.uuid4())}, user=user)


@router.post("/ouders/link-kwijt", response_class=HTMLResponse, include_in_schema=False)
async def lost_link_submit(request: Request, user: PortalUser) -> HTMLResponse:
    """Always the same answer for a well-formed address: nobody learns whether a family registered."""
    t = translator(page_language(request))
    values = {key: str(value) for key, value in (await request.form()).items()}
    try:
        answer = await call(request, "intake", "POST", "/api/v1/links", json={"email": values.get("email", "")},
                            idempotency_key=values.get("idem", ""))
    except Unavailable:
        return render(request, "parents/lost_link.html", {"values": values, "errors": {
            "form": t("service_unavailable")}, "sent": False, "idem": str(uuid.uuid4())}, user=user,
            status_code=503)
    if answer.status_code == 202:
        return render(request, "parents/lost_link.html", {"values": {}, "errors": {}, "sent": True}, user=user)
    errors = errors_from_answer(answer.json(), "")
    errors = {"email": next(iter(errors.values()))} if errors else {}
    return render(request, "parents/lost_link.html", {"values": values, "errors": errors, "sent": False,
                                                      "idem": str(uuid.uuid4())}, user=user,
                  status_code=answer.status_code)
