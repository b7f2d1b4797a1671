"""Real counterparts for the notifications tests: an SMTP server, a webhook receiver that checks
signatures, and an HTTP server answering as intake (family contact) and offer (location names).

They speak the real protocols (SMTP via aiosmtpd, HTTP via uvicorn); only what they answer is
scripted by the test.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller
from fastapi import FastAPI, Request, Response

from infra.local.processes import free_port
from services.notifications.domain.signing import verify
from services.runtime.auth import TokenVerifier
from services.runtime.settings import ServiceSettings


class MailBox:
    """aiosmtpd handler keeping every message it accepted (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        message = message_from_bytes(envelope.original_content or envelope.content, policy=default)
        with self._lock:
            self.messages.append(message)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.messages if address in str(m["To"])]


def start_smtp() -> tuple[Controller, MailBox, int]:
    box = MailBox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, box, port


@dataclass
class Hook:
    headers: dict[str, str]
    body: bytes
    valid: bool
    answered: int


@dataclass
class WebhookReceiver:
    """Checks each POST's Standard Webhooks signature with the secret the test registered."""

    secrets: dict[str, str] = field(default_factory=dict)
    received: dict[str, list[Hook]] = field(default_factory=dict)
    failing: dict[str, int] = field(default_factory=dict)

    def app(self, clock_now: Any) -> FastAPI:
        app = FastAPI()

        @app.post("/hooks/{name}")
        async def hook(name: str, request: Request) -> Response:
            body = await request.body()
            headers = {k.lower(): v for k, v in request.headers.items()}
            valid = verify(self.secrets.get(name, "whsec_"), headers, body, now=int(clock_now().timestamp()))
            status = 500 if self.failing.get(name, 0) != 0 else (204 if valid else 401)
            if self.failing.get(name, 0) > 0:
                self.failing[name] -= 1
            self.received.setdefault(name, []).append(Hook(headers, body, valid, status))
            return Response(status_code=status)

        return app


@dataclass
class Neighbours:
    """Answers as intake (family contact, token checked) and as offer (public location names)."""

    settings: ServiceSettings
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    contact_reads: list[tuple[str, str]] = field(default_factory=list)
    intake_down: bool = False

    def app(self) -> FastAPI:
        app = FastAPI()
        verifier = TokenVerifier(self.settings)

        @app.get("/api/v1/requests/{request_id}/contact")
        async def contact(request_id: str, request: Request) -> Response:
            if self.intake_down:
                return Response(status_code=503)
            token = request.headers.get("authorization", "")[7:]
            principal = await verifier.verify(token)
            self.contact_reads.append((request_id, principal.subject))
            if request_id not in self.contacts:
                return Response(status_code=404)
            return Response(json.dumps(self.contacts[request_id]), media_type="application/json")

        @app.get("/api/v1/locations/{location_id}")
        async def location(location_id: str) -> dict[str, str]:
            return {"location_id": location_id, "name": self.names.get(location_id, "Opvang " + location_id[:4])}

        return app
