"""The dev mailbox: every mail the local SMTP sink received (development and test only)."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from services.portal.rendering import render
from services.portal.session import PortalUser
from services.runtime.errors import AppError
from services.runtime.settings import VAR_DIR

router = APIRouter()


def _box(request: Request) -> mailbox.Maildir:
    path = Path(request.app.state.settings.maildir or VAR_DIR / "mail")
    for sub in ("tmp", "new", "cur"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return mailbox.Maildir(path, create=False)


def _body(message: Any) -> str:
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part else ""
    payload = message.get_payload(decode=True)
    return payload.decode(errors="replace") if isinstance(payload, bytes) else str(payload)


def _guard(request: Request) -> None:
    if request.app.state.settings.env == "prod":
        raise AppError("not_found", 404)


@router.get("/dev/mailbox", response_class=HTMLResponse, include_in_schema=False)
async def mailbox_list(request: Request, user: PortalUser) -> HTMLResponse:
    _guard(request)
    from email import message_from_bytes
    from email.policy import default

    box = _box(request)
    messages = []
    for key in box.keys():  # noqa: SIM118 - iterating a Maildir yields messages, not keys
        msg = message_from_bytes(box.get_bytes(key), policy=default)
        messages.append({"key": key, "from": msg["From"], "to": msg["To"], "subject": msg["Subject"],
                         "date": msg["Date"]})
    messages.sort(key=lambda m: str(m["date"] or ""), reverse=True)
    return render(request, "mailbox/list.html", {"messages": messages}, user=user)


@router.get("/dev/mailbox/{key}", response_class=HTMLResponse, include_in_schema=False)
async def mailbox_show(request: Request, key: str, user: PortalUser) -> HTMLResponse:
    _guard(request)
    from email import message_from_bytes
    from email.policy import default

    box = _box(request)
    try:
        msg = message_from_bytes(box.get_bytes(key), policy=default)
    except KeyError as exc:
        raise AppError("not_found", 404) from exc
    return render(request, "mailbox/show.html", {
        "message": {"from": msg["From"], "to": msg["To"], "subject": msg["Subject"], "date": msg["Date"],
                    "body": _body(msg)}}, user=user)
