"""What a desk worker does with one request: flags, reviewed, link, siblings, merges, withdrawal, erasure.

Each action is one call to intake with the worker's token; the page comes back with a notice, or
with intake's reason (in the page's language) when it could not be done. Nothing half-done.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from services.portal.i18n import page_language, translator
from services.portal.pages.parents_api import Unavailable, call, json_or, location_names
from services.portal.pages.parents_status import DECLINE_REASONS, WITHDRAW_REASONS, problem_text
from services.portal.rendering import render
from services.portal.session import PortalUser, user_token
from services.runtime.auth import Principal, Role

router = APIRouter()
DESK_EXTRAS = frozenset({"channel", "urgent", "vulnerable_family"})
FLAGS = ("urgent", "atypical_hours", "vulnerable_family", "specific_care_need")


def desk_of(user: Principal | None) -> str | None:
    if user is None or user.role is not Role.DESK or not user.desk_ids:
        return None
    return user.desk_ids[0]


async def detail_page(request: Request, user: Principal | None, request_id: str, *, notice: str = "",
                      error: str = "", link: dict[str, Any] | None = None, status_code: int = 200) -> Response:
    token = user_token(request)
    t = translator(page_language(request))
    try:
        answer = await call(request, "intake", "GET", f"/api/v1/requests/{request_id}", token=token)
    except Unavailable:
        return render(request, "desk/unavailable.html", {}, user=user, status_code=503)
    if answer.status_code != 200:
        return render(request, "desk/unavailable.html", {"message": problem_text(answer, t("desk_only"))},
                      user=user, status_code=answer.status_code)
    detail = answer.json()
    access = await json_or(request, "intake", f"/api/v1/desks/{detail['desk_id']}/audit", [], token=token,
                           params={"request_id": request_id})
    proposals = await json_or(request, "matching", f"/api/v1/requests/{request_id}/proposals", None, token=token)
    ids = {p["location_id"] for p in proposals or [] if isinstance(p, dict) and "location_id" in p}
    return render(request, "desk/detail.html", {
        "d": detail, "access": access, "proposals": proposals, "names": await location_names(request, ids),
        "notice": notice, "error": error, "link": link, "flags": FLAGS, "withdraw_reasons": WITHDRAW_REASONS,
        "decline_reasons": DECLINE_REASONS}, user=user, status_code=status_code)


async def act(request: Request, user: Principal | None, request_id: str, method: str, path: str,
              body: dict[str, Any] | None = None) -> Response:
    if desk_of(user) is None:
        return RedirectResponse(f"/auth/login?next=/loket/aanvragen/{request_id}", status_code=303)
    t = translator(page_language(request))
    try:
        answer = await call(request, "intake", method, path, token=user_token(request), json=body or {})
    except Unavailable:
        return await detail_page(request, user, request_id, error=t("service_unavailable"), status_code=503)
    if answer.status_code >= 300:
        return await detail_page(request, user, request_id, error=problem_text(answer, t("service_unavailable")),
                                 status_code=answer.status_code if answer.status_code < 500 else 503)
    if path.endswith("/link"):
        return await detail_page(request, user, request_id, notice="done_notice", link=answer.json())
    return RedirectResponse(f"/loket/aanvragen/{request_id}?notice=done_notice", status_code=303)


async def form(request: Request) -> dict[str, str]:
    return {key: str(value) for key, value in (await request.form()).items()}


@router.post("/loket/aanvragen/{request_id}/bekeken", include_in_schema=False)
async def reviewed(request: Request, request_id: str, user: PortalUser) -> Response:
    return await act(request, user, request_id, "POST", f"/api/v1/requests/{request_id}/reviewed")


@router.post("/loket/aanvragen/{request_id}/kenmerken", include_in_schema=False)
async def flags(request: Request, request_id: str, user: PortalUser) -> Response:
    values = await form(request)
    body: dict[str, Any] = {name: values.get(name) == "on" for name in FLAGS}
    body["vulnerability_consent"] = values.get("vulnerability_consent") == "on"
    return await act(request, user, request_id, "PUT", f"/api/v1/requests/{request_id}/flags", body)


@router.post("/loket/aanvragen/{request_id}/link", include_in_schema=False)
async def hand_over(request: Request, request_id: str, user: PortalUser) -> Response:
    values = await form(request)
    return await act(request, user, request_id, "POST", f"/api/v1/requests/{request_id}/link",
                     {"send_mail": values.get("send_mail") == "on"})


@router.post("/loket/aanvragen/{request_id}/broer-zus", include_in_schema=False)
async def sibling(request: Request, request_id: str, user: PortalUser) -> Response:
    values = await form(request)
    return await act(request, user, request_id, "POST", f"/api/v1/requests/{request_id}/siblings",
                     {"sibling_id": values.get("sibling_id", "").strip(), "place_together": values.get(
                         "place_together") == "on"})


@router.post("/loket/aanvragen/{request_id}/ontkoppelen", include_in_schema=False)
async def unmerge(request: Request, request_id: str, user: PortalUser) -> Response:
    return await act(request, user, request_id, "POST", f"/api/v1/requests/{request_id}/unmerge")


@router.post("/loket/aanvragen/{request_id}/intrekken", include_in_schema=False)
async def withdraw(request: Request, request_id: str, user: PortalUser) -> Response:
    values = await form(request)
    return await act(request, user, request_id, "POST", f"/api/v1/requests/{request_id}/withdraw",
                     {"reason": values.get("reason") or "other"})


@router.post("/loket/aanvragen/{request_id}/wissen", include_in_schema=False)
async def erase(request: Request, request_id: str, user: PortalUser) -> Response:
    return await act(request, user, request_id, "POST", f"/api/v1/requests/{request_id}/erase")
