"""A real SMTP server in the test process (aiosmtpd) that refuses recipients named ``refused…`` and
remembers, per accepted mail, its recipients and the SMTP session (connection) it came over."""

from __future__ import annotations

from typing import Any


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[str, ...]] = []
        self.sessions: set[int] = set()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802 - aiosmtpd API
                          options: list[str]) -> str:
        if address.startswith("refused"):
            return "550 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd API
        self.sessions.add(id(session))
        self.received.append(tuple(envelope.rcpt_tos))
        return "250 Message accepted for delivery"
