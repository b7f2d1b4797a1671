"""Helpers for intake's tests over real HTTP: tokens from the identity provider, the dev mailbox."""

from __future__ import annotations

import mailbox
import re
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import httpx

from services.identity.accounts import client_secret

LINK = re.compile(r"/ouders/link/([A-Za-z0-9_\-.]+)")


async def user_token(http: httpx.AsyncClient, identity: str, username: str) -> str:
    answer = await http.post(f"{identity}/token", data={"grant_type": "password", "username": username,
                                                       "password": "demo"})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


async def service_token(http: httpx.AsyncClient, identity: str, client_id: str) -> str:
    answer = await http.post(f"{identity}/token", data={"grant_type": "client_credentials", "client_id": client_id,
                                                       "client_secret": client_secret(client_id)})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def bearer(token: str, **extra: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", **extra}


def mails_to(maildir: Path, address: str) -> list[EmailMessage]:
    if not maildir.exists():
        return []
    box = mailbox.Maildir(maildir, create=False)
    found = []
    for key in box.keys():  # noqa: SIM118 - a Maildir iterates messages, not keys
        message = message_from_bytes(box.get_bytes(key), policy=default)
        if address in str(message["To"]):
            found.append(message)  # type: ignore[arg-type]
    return found


def link_token(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    found = LINK.search(body.get_content())
    assert found, "no personal link in the mail"
    return found.group(1)


def field_codes(answer: httpx.Response) -> dict[str, str]:
    payload: dict[str, Any] = answer.json()
    return {f["field"]: f["code"] for f in payload["error"].get("fields", [])}
